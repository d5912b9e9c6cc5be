package dev.handlehygiene.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * N plain TCP connections to a server that send nothing, the way a stalled or abandoned
 * client would, and a way to see which of them the server has closed.
 * <p>
 * The connections are polled with non-blocking reads rather than watched with a
 * {@code Selector}: a selector holds descriptors of its own and keeps a closed channel's
 * descriptor until it deregisters it, which would blur the descriptor counts the tests
 * compare.
 */
final class IdleConnections implements AutoCloseable {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

	private final List<Connection> connections;

	private final long openingStartedNanos;

	private final long allOpenNanos;

	private IdleConnections(List<Connection> connections, long openingStartedNanos, long allOpenNanos) {
		this.connections = connections;
		this.openingStartedNanos = openingStartedNanos;
		this.allOpenNanos = allOpenNanos;
	}

	/**
	 * Opens {@code count} connections, one after the other, and sends nothing on any of
	 * them.
	 * @param count how many
	 * @param server where to
	 * @return the open connections; close them when done
	 */
	static IdleConnections open(int count, InetSocketAddress server) {
		List<Connection> connections = new ArrayList<>(count);
		long start = System.nanoTime();
		try {
			for (int i = 0; i < count; i++) {
				// a blocking connect, so that each one is established (or fails) before
				// the next
				long connecting = System.nanoTime();
				SocketChannel channel = SocketChannel.open(server);
				connections.add(new Connection(channel, connecting, System.nanoTime()));
				channel.configureBlocking(false);
			}
		}
		catch (IOException | RuntimeException ex) {
			IllegalStateException failure = new IllegalStateException(
					"opened " + connections.size() + " of " + count + " connections to " + server + " before failing",
					ex);
			try {
				closeAll(connections);
			}
			catch (UncheckedIOException closing) {
				failure.addSuppressed(closing);
			}
			throw failure;
		}
		return new IdleConnections(connections, start, System.nanoTime());
	}

	/**
	 * Polls until the server has closed every connection or until every connection has
	 * been open for {@code within}, whichever comes first. Never throws for connections
	 * still open: the caller asserts on the count.
	 * <p>
	 * Measured from the last connect rather than the first: when connects arrive faster
	 * than the server accepts them and its accept backlog is full, the kernel drops the
	 * SYN and the client retries it a second later, so the last connection may be
	 * established well after the first, and the server's timeout starts only then.
	 * @param within how long each connection gets at least, from its own connect
	 * @return how many of them the server had closed by then
	 */
	int awaitClosedByServer(Duration within) {
		Duration remaining = Duration.ofNanos(this.allOpenNanos + within.toNanos() - System.nanoTime());
		if (remaining.isNegative() || remaining.isZero()) {
			return pollAll();
		}
		AtomicInteger closed = new AtomicInteger();
		try {
			// polled on this thread: the connections' state is not shared with
			// Awaitility's own thread
			await("server closes all " + this.connections.size() + " idle connections").atMost(remaining)
				.pollInSameThread()
				.pollDelay(Duration.ZERO)
				.pollInterval(POLL_INTERVAL)
				.until(() -> {
					closed.set(pollAll());
					return closed.get() == this.connections.size();
				});
		}
		catch (ConditionTimeoutException ex) {
			// some are still open: the caller asserts on the count
		}
		return closed.get();
	}

	/**
	 * How the connections were opened and, for those the server has closed so far, how
	 * long after its own connect each was closed, at the extremes.
	 * @return the times; the close times are {@code null} if none was closed
	 */
	Times times() {
		Duration earliest = null;
		Duration latest = null;
		Duration slowestConnect = Duration.ZERO;
		for (Connection connection : this.connections) {
			slowestConnect = max(slowestConnect,
					Duration.ofNanos(connection.openedAtNanos - connection.connectingNanos));
			if (connection.closed) {
				Duration took = Duration.ofNanos(connection.closedAtNanos - connection.openedAtNanos);
				earliest = (earliest == null || took.compareTo(earliest) < 0) ? took : earliest;
				latest = max((latest != null) ? latest : Duration.ZERO, took);
			}
		}
		return new Times(Duration.ofNanos(this.allOpenNanos - this.openingStartedNanos), slowestConnect, earliest,
				latest, resets(), bytesReceived());
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private int resets() {
		return (int) this.connections.stream().filter((connection) -> connection.reset).count();
	}

	private long bytesReceived() {
		return this.connections.stream().mapToLong((connection) -> connection.bytesReceived).sum();
	}

	@Override
	public void close() {
		closeAll(this.connections);
	}

	private int pollAll() {
		int closed = 0;
		for (Connection connection : this.connections) {
			if (connection.pollClosedByServer()) {
				closed++;
			}
		}
		return closed;
	}

	private static void closeAll(List<Connection> connections) {
		UncheckedIOException failure = null;
		for (Connection connection : connections) {
			try {
				connection.channel.close();
			}
			catch (IOException ex) {
				// keep closing the others: a descriptor left open here would fail the
				// caller's count for the wrong reason
				if (failure == null) {
					failure = new UncheckedIOException("could not close an idle connection", ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * How long opening took, and when the server closed the connections, measured from
	 * each one's own connect.
	 *
	 * @param opening from the first connect to the last one established
	 * @param slowestConnect the longest single connect: a second or more means a SYN was
	 * dropped and retried
	 * @param earliestClose the earliest close after its own connect, or {@code null} if
	 * none was closed
	 * @param latestClose the latest close after its own connect, or {@code null} if none
	 * was closed
	 * @param resets how many were reset rather than closed in order
	 * @param bytesReceived what the server sent before closing, over all connections
	 * (none expected)
	 */
	record Times(Duration opening, Duration slowestConnect, Duration earliestClose, Duration latestClose, int resets,
			long bytesReceived) {

		@Override
		public String toString() {
			String opened = "opened in " + millis(this.opening) + " (slowest connect " + millis(this.slowestConnect)
					+ ")";
			if (this.latestClose == null) {
				return opened + ", none closed";
			}
			return opened + ", closed " + millis(this.earliestClose) + " to " + millis(this.latestClose)
					+ " after each one's connect (" + this.resets + " resets, " + this.bytesReceived
					+ " bytes received)";
		}

		private static String millis(Duration duration) {
			return duration.toMillis() + " ms";
		}

	}

	private static final class Connection {

		private final SocketChannel channel;

		private final long connectingNanos;

		private final long openedAtNanos;

		private final ByteBuffer buffer = ByteBuffer.allocate(512);

		private boolean closed;

		private long closedAtNanos;

		private boolean reset;

		private long bytesReceived;

		Connection(SocketChannel channel, long connectingNanos, long openedAtNanos) {
			this.channel = channel;
			this.connectingNanos = connectingNanos;
			this.openedAtNanos = openedAtNanos;
		}

		/**
		 * Reads without blocking; end-of-stream or a reset means the server closed its
		 * side.
		 */
		boolean pollClosedByServer() {
			if (this.closed) {
				return true;
			}
			try {
				int read;
				// whatever the server might send before closing (an error response) is
				// drained, not mistaken for open
				while ((read = this.channel.read(this.buffer.clear())) > 0) {
					this.bytesReceived += read;
				}
				if (read < 0) {
					markClosed();
				}
			}
			catch (IOException ex) {
				this.reset = true;
				markClosed();
			}
			return this.closed;
		}

		private void markClosed() {
			this.closed = true;
			this.closedAtNanos = System.nanoTime();
		}

	}

}
