package dev.handlehygiene.fd;

/**
 * One row of {@code /proc/net/tcp} or {@code tcp6}.
 *
 * @param inode the socket's inode, the number in a descriptor's {@code socket:[inode]} link
 * @param local the local address and port
 * @param remote the remote address and port
 * @param state the connection's state
 */
public record TcpSocket(long inode, String local, String remote, TcpState state) {

	/**
	 * Parses one table row; the header row and malformed rows give {@code null}.
	 * @param line a line of the table
	 * @return the socket, or {@code null}
	 */
	static TcpSocket parse(String line) {
		// sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
		String[] columns = line.trim().split("\\s+");
		if (columns.length < 10 || !columns[0].endsWith(":")) {
			return null;
		}
		try {
			return new TcpSocket(Long.parseLong(columns[9]), ProcNetAddress.format(columns[1]),
					ProcNetAddress.format(columns[2]), TcpState.ofCode(Integer.parseInt(columns[3], 16)));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
