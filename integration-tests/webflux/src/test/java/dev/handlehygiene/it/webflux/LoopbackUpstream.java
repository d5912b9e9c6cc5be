package dev.handlehygiene.it.webflux;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.RemoteCount;
import dev.handlehygiene.fd.TcpState;

/**
 * An upstream on the loopback address for {@code WebClient} calls, and the count of this
 * process's sockets to it.
 */
final class LoopbackUpstream implements AutoCloseable {

	private final int port;

	private final AutoCloseable server;

	private LoopbackUpstream(int port, AutoCloseable server) {
		this.port = port;
		this.server = server;
	}

	/**
	 * An upstream that accepts connections and never writes a byte, as a hung service
	 * would.
	 * @return the upstream, listening
	 */
	static LoopbackUpstream silent() throws IOException {
		ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		List<Socket> accepted = new CopyOnWriteArrayList<>();
		Thread acceptor = new Thread(() -> {
			while (!listening.isClosed()) {
				try {
					accepted.add(listening.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "silent-upstream");
		acceptor.setDaemon(true);
		acceptor.start();
		return new LoopbackUpstream(listening.getLocalPort(), () -> {
			listening.close();
			for (Socket socket : accepted) {
				socket.close();
			}
		});
	}

	/**
	 * An HTTP/1.1 upstream that keeps connections alive (the JDK server's idle interval
	 * is 30 s) and answers every request with a body of the given size.
	 * @param bodyBytes the size of each body
	 * @return the upstream, listening
	 */
	static LoopbackUpstream keepAlive(int bodyBytes) throws IOException {
		HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		byte[] chunk = new byte[64 * 1024];
		http.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
			exchange.sendResponseHeaders(200, bodyBytes);
			try (OutputStream body = exchange.getResponseBody()) {
				for (int written = 0; written < bodyBytes; written += chunk.length) {
					body.write(chunk, 0, Math.min(chunk.length, bodyBytes - written));
				}
			}
			catch (IOException ex) {
				// the client went away mid-body
			}
		});
		http.setExecutor(Executors.newCachedThreadPool());
		http.start();
		return new LoopbackUpstream(http.getAddress().getPort(), () -> http.stop(0));
	}

	int port() {
		return this.port;
	}

	String url() {
		return "http://127.0.0.1:" + this.port + "/";
	}

	/**
	 * This process's sockets to the upstream in a state.
	 * @param state the TCP state
	 * @return the count
	 */
	int sockets(TcpState state) {
		return new FileDescriptorInventory().take(1000)
			.remotes()
			.stream()
			.filter((remote) -> remote.remote().equals("127.0.0.1:" + this.port) && remote.state() == state)
			.mapToInt(RemoteCount::count)
			.sum();
	}

	@Override
	public void close() throws Exception {
		this.server.close();
	}

}
