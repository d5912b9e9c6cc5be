package dev.handlehygiene.demo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 connection, opened once and kept alive for many {@code GET}s. At the
 * descriptor limit a server can accept no new connection, but it still reads requests on
 * one it accepted before: this is how a test can ask a process at EMFILE for its health.
 */
final class KeepAliveConnection implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final int port;

	private KeepAliveConnection(Socket socket, int port) throws IOException {
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
		this.port = port;
	}

	/**
	 * Connects to a loopback port.
	 * @param port the port
	 * @param timeout how long one answer may take
	 * @return the connection
	 * @throws IOException if it cannot connect
	 */
	static KeepAliveConnection open(int port, Duration timeout) throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
		try {
			socket.setSoTimeout((int) timeout.toMillis());
			return new KeepAliveConnection(socket, port);
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * Sends a {@code GET} and reads the whole answer.
	 * @param path the path
	 * @return the answer
	 * @throws IOException if the connection fails or the server closed it
	 */
	Answer get(String path) throws IOException {
		String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nAccept: application/json\r\n\r\n";
		this.out.write(request.getBytes(StandardCharsets.US_ASCII));
		this.out.flush();
		String statusLine = readLine();
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		long contentLength = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				contentLength = Long.parseLong(lower.substring("content-length:".length()).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closing = true;
			}
		}
		String body = chunked ? readChunked() : readBytes(Math.max(contentLength, 0));
		return new Answer(status, body, closing);
	}

	private String readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (long size = chunkSize(); size > 0; size = chunkSize()) {
			body.writeBytes(readBytes(size).getBytes(StandardCharsets.ISO_8859_1));
			readLine();
		}
		// trailers, up to the empty line
		while (!readLine().isEmpty()) {
			// none expected
		}
		return body.toString(StandardCharsets.UTF_8);
	}

	private long chunkSize() throws IOException {
		String line = readLine();
		int extension = line.indexOf(';');
		return Long.parseLong((extension >= 0) ? line.substring(0, extension).trim() : line.trim(), 16);
	}

	private String readBytes(long count) throws IOException {
		byte[] bytes = this.in.readNBytes((int) count);
		if (bytes.length < count) {
			throw new IOException("The server closed the connection mid-answer");
		}
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new IOException("The server closed the connection");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/**
	 * One answer.
	 *
	 * @param status the HTTP status
	 * @param body the body
	 * @param closing whether the server said it closes the connection after it
	 */
	record Answer(int status, String body, boolean closing) {
	}

}
