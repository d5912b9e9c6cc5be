package dev.handlehygiene.it.webflux;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A plain TCP connection to the server that never sends a byte, as an idle or stuck
 * client would hold it.
 */
final class RawIdleConnection {

	private RawIdleConnection() {
	}

	/**
	 * Connects, sends nothing, and waits for the server to close the connection.
	 * @param port the server's port on the loopback address
	 * @param deadline how long to wait for the close at most
	 * @return the time from connected to closed by the server (the read returned -1)
	 * @throws AssertionError if the server sent data or left the connection open past the
	 * deadline
	 */
	static Duration timeUntilClosedByServer(int port, Duration deadline) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout((int) deadline.toMillis());
			long connected = System.nanoTime();
			InputStream in = socket.getInputStream();
			int read;
			try {
				read = in.read();
			}
			catch (SocketTimeoutException ex) {
				throw new AssertionError("the server left an idle connection open for more than " + deadline, ex);
			}
			Duration elapsed = Duration.ofNanos(System.nanoTime() - connected);
			if (read != -1) {
				throw new AssertionError("the server sent data on an idle connection: byte " + read);
			}
			return elapsed;
		}
	}

}
