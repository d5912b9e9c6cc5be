package dev.handlehygiene.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback upstream that answers each connection by a script: not at all, with the
 * headers and part of the body and then nothing, or in full. It reads the request head
 * first, as a server does, and holds every socket open until closed itself, so that
 * nothing but the client's own bound ends a call.
 */
final class ScriptedUpstream implements AutoCloseable {

	enum Script {

		/** Accepts, reads the request, never answers. */
		SILENT,

		/** Sends the headers for 1,000 bytes of body, then 10 of them, then nothing. */
		STALLED_BODY,

		/** Sends "ok" at once, to every request on the connection. */
		OK

	}

	private final ServerSocket server;

	private final Script script;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private final CountDownLatch closed = new CountDownLatch(1);

	ScriptedUpstream(Script script) throws IOException {
		this.script = script;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "scripted-upstream-" + script);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getLocalPort() + "/scripted";
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.accepted.add(socket);
				Thread answer = new Thread(() -> answer(socket), "scripted-answer");
				answer.setDaemon(true);
				answer.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void answer(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			readRequestHead(in);
			OutputStream out = socket.getOutputStream();
			switch (this.script) {
				case SILENT -> {
				}
				case STALLED_BODY -> {
					out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n"
							+ "x".repeat(10))
						.getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				case OK -> {
					// a kept-alive connection: answer each request that comes on it
					do {
						out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
							.getBytes(StandardCharsets.US_ASCII));
						out.flush();
					}
					while (readRequestHead(in));
				}
			}
			// held open until the test ends: only the client may give up
			this.closed.await(60, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// the client went away: nothing more to answer
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Reads up to the blank line that ends a request head.
	 * @return whether a whole head came before the end of the stream
	 */
	private static boolean readRequestHead(InputStream in) throws IOException {
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int next = in.read();
			if (next < 0) {
				return false;
			}
			matched = (next == end[matched]) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		return true;
	}

	@Override
	public void close() throws IOException {
		this.closed.countDown();
		this.server.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

}
