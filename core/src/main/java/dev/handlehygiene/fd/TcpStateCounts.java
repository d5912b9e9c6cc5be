package dev.handlehygiene.fd;

import java.util.Map;

/**
 * This process's TCP sockets per state, as read at one moment.
 *
 * @param counts sockets per state; a state with no socket is absent
 * @param readAtNanos when they were read, on the {@link System#nanoTime()} scale of the
 * reader's clock
 */
public record TcpStateCounts(Map<TcpState, Integer> counts, long readAtNanos) {

	/**
	 * The sockets in one state.
	 * @param state the state
	 * @return their number, 0 when there are none
	 */
	public int count(TcpState state) {
		return this.counts.getOrDefault(state, 0);
	}

}
