package dev.handlehygiene.fd;

/**
 * TCP states as numbered in the {@code st} column of {@code /proc/net/tcp}
 * ({@code include/net/tcp_states.h}).
 */
public enum TcpState {

	ESTABLISHED(0x01), SYN_SENT(0x02), SYN_RECV(0x03), FIN_WAIT1(0x04), FIN_WAIT2(0x05), TIME_WAIT(0x06), CLOSE(0x07),
	/**
	 * The peer closed and this process has not: the signature of a response body nobody
	 * closed.
	 */
	CLOSE_WAIT(0x08), LAST_ACK(0x09), LISTEN(0x0A), CLOSING(0x0B), NEW_SYN_RECV(0x0C), UNKNOWN(-1);

	private final int code;

	TcpState(int code) {
		this.code = code;
	}

	/**
	 * The state for a code of the {@code st} column.
	 * @param code the parsed hexadecimal code
	 * @return the state, or {@link #UNKNOWN}
	 */
	public static TcpState ofCode(int code) {
		for (TcpState state : values()) {
			if (state.code == code) {
				return state;
			}
		}
		return UNKNOWN;
	}

}
