package dev.handlehygiene.fd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Counts the rows of {@code /proc/self/net/tcp} and {@code tcp6} whose inode is one of
 * this process's sockets. The tables list the whole network namespace (thousands of rows
 * on a busy host), so a row is parsed in place, column by column, and only a row of this
 * process has its remote address formatted.
 */
final class TcpTableJoin {

	private static final int INODE_COLUMN = 9;

	private final Set<Long> inodes;

	private final boolean withRemotes;

	private final Map<TcpState, Integer> states = new EnumMap<>(TcpState.class);

	private final Map<RemoteKey, Integer> remotes = new HashMap<>();

	private final @Nullable List<SocketRow> rows;

	private byte[] buffer = new byte[32 * 1024];

	/**
	 * @param inodes the inodes of this process's sockets
	 * @param withRemotes whether to count by remote address too
	 */
	TcpTableJoin(Set<Long> inodes, boolean withRemotes) {
		this(inodes, withRemotes, false);
	}

	/**
	 * @param inodes the inodes of this process's sockets
	 * @param withRemotes whether to count by remote address too
	 * @param withRows whether to keep each socket of this process, for {@link #rows()}
	 */
	TcpTableJoin(Set<Long> inodes, boolean withRemotes, boolean withRows) {
		this.inodes = inodes;
		this.withRemotes = withRemotes;
		this.rows = withRows ? new ArrayList<>() : null;
	}

	/**
	 * Reads one table to its end and counts its rows of this process.
	 * @param table the table's content
	 * @throws IOException if it cannot be read
	 */
	void read(InputStream table) throws IOException {
		int length = 0;
		int read;
		while ((read = table.read(this.buffer, length, this.buffer.length - length)) >= 0) {
			length += read;
			if (length == this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
			}
		}
		int lineStart = 0;
		for (int i = 0; i < length; i++) {
			if (this.buffer[i] == '\n') {
				row(this.buffer, lineStart, i);
				lineStart = i + 1;
			}
		}
		row(this.buffer, lineStart, length);
	}

	/**
	 * This process's sockets per state, most first.
	 * @return the counts
	 */
	Map<TcpState, Integer> states() {
		Map<TcpState, Integer> sorted = new LinkedHashMap<>();
		this.states.entrySet()
			.stream()
			.sorted(Map.Entry.<TcpState, Integer>comparingByValue().reversed())
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

	/**
	 * The connected sockets per remote address and state, most first.
	 * @param top how many to keep
	 * @return the counts
	 */
	List<RemoteCount> remotes(int top) {
		List<RemoteCount> counts = new ArrayList<>(this.remotes.size());
		this.remotes.forEach((key, count) -> counts.add(new RemoteCount(key.remote(), key.state(), count)));
		counts.sort(Comparator.comparingInt(RemoteCount::count).reversed().thenComparing(RemoteCount::remote));
		return List.copyOf(counts.subList(0, Math.min(top, counts.size())));
	}

	/**
	 * Each socket of this process the tables list, when asked for at construction.
	 * @return the sockets, in table order; empty when not asked for
	 */
	List<SocketRow> rows() {
		return (this.rows != null) ? this.rows : List.of();
	}

	// sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout
	// inode ...
	private void row(byte[] bytes, int start, int end) {
		int column = 0;
		int localStart = -1;
		int localEnd = -1;
		int remoteStart = -1;
		int remoteEnd = -1;
		long code = -1;
		long inode = -1;
		int i = start;
		while (i < end && column <= INODE_COLUMN) {
			while (i < end && bytes[i] == ' ') {
				i++;
			}
			if (i == end) {
				break;
			}
			int tokenStart = i;
			while (i < end && bytes[i] != ' ') {
				i++;
			}
			if (column == 0 && bytes[i - 1] != ':') {
				// the header row, or not a row at all
				return;
			}
			if (column == 1) {
				localStart = tokenStart;
				localEnd = i;
			}
			else if (column == 2) {
				remoteStart = tokenStart;
				remoteEnd = i;
			}
			else if (column == 3) {
				code = parse(bytes, tokenStart, i, 16);
			}
			else if (column == INODE_COLUMN) {
				inode = parse(bytes, tokenStart, i, 10);
			}
			column++;
		}
		if (inode < 0 || code < 0 || !this.inodes.contains(inode)) {
			return;
		}
		TcpState state = TcpState.ofCode((int) Math.min(code, Integer.MAX_VALUE));
		this.states.merge(state, 1, Integer::sum);
		if ((this.withRemotes || this.rows != null) && state != TcpState.LISTEN) {
			String remote = remote(bytes, remoteStart, remoteEnd);
			if (remote != null && this.withRemotes) {
				this.remotes.merge(new RemoteKey(remote, state), 1, Integer::sum);
			}
			if (this.rows != null) {
				this.rows.add(new SocketRow(inode, state, port(bytes, localStart, localEnd), remote));
			}
		}
		else if (this.rows != null) {
			this.rows.add(new SocketRow(inode, state, port(bytes, localStart, localEnd), null));
		}
	}

	private static @Nullable String remote(byte[] bytes, int start, int end) {
		try {
			return ProcNetAddress.format(new String(bytes, start, end - start, StandardCharsets.US_ASCII));
		}
		catch (IllegalArgumentException ex) {
			// counted by state; an address the kernel never prints is left out of the
			// remotes
			return null;
		}
	}

	/** The port of an {@code ADDRESS:PORT} column, or -1. */
	private static int port(byte[] bytes, int start, int end) {
		for (int i = end - 1; i > start; i--) {
			if (bytes[i] == ':') {
				return (int) parse(bytes, i + 1, end, 16);
			}
		}
		return -1;
	}

	/**
	 * A non-negative number in the given radix, or -1 for a malformed column (or one too
	 * long to be a number).
	 */
	private static long parse(byte[] bytes, int start, int end, int radix) {
		if (end - start > 18 || start == end) {
			return -1;
		}
		long value = 0;
		for (int i = start; i < end; i++) {
			int digit = Character.digit(bytes[i], radix);
			if (digit < 0) {
				return -1;
			}
			value = value * radix + digit;
		}
		return value;
	}

	private record RemoteKey(String remote, TcpState state) {
	}

	/**
	 * One socket of this process as a table lists it.
	 *
	 * @param inode its inode
	 * @param state its state
	 * @param localPort its local port, or -1 where the column is malformed
	 * @param remote its remote address and port, {@code null} for a listening socket or a
	 * malformed column
	 */
	record SocketRow(long inode, TcpState state, int localPort, @Nullable String remote) {
	}

}
