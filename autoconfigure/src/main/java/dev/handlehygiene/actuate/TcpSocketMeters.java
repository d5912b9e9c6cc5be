package dev.handlehygiene.actuate;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.handlehygiene.fd.CachedTcpStates;
import dev.handlehygiene.fd.TcpStateCounts;
import dev.handlehygiene.fd.TcpState;

/**
 * {@code handle.hygiene.tcp.sockets{state}}: this process's TCP sockets per state, one
 * series per state with the empty ones at 0, so that an alert on {@code CLOSE_WAIT} has a
 * series before the first unclosed response. Read through the same inode join as the
 * {@code tcp} section, refreshed at most once per interval. Where a refresh fails (at the
 * descriptor limit) the gauges keep the last complete counts and
 * {@code handle.hygiene.tcp.sockets.age} says how old they are; before any complete
 * reading both are NaN.
 */
public class TcpSocketMeters implements MeterBinder {

	static final String SOCKETS = "handle.hygiene.tcp.sockets";

	static final String AGE = SOCKETS + ".age";

	private final CachedTcpStates states;

	/**
	 * @param states the cached counts
	 */
	public TcpSocketMeters(CachedTcpStates states) {
		this.states = states;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		// held strongly: a gauge keeps only a weak reference to its state by default, and
		// nothing else need hold it
		for (TcpState state : TcpState.values()) {
			Gauge.builder(SOCKETS, this.states, (cached) -> count(cached, state))
				.description("TCP sockets this process holds, by state (CLOSE_WAIT: the peer closed, this process not)")
				.tag("state", state.name())
				.strongReference(true)
				.register(registry);
		}
		TimeGauge.builder(AGE, this.states, TimeUnit.SECONDS, CachedTcpStates::ageSeconds)
			.description("Time since handle.hygiene.tcp.sockets was last read completely")
			.strongReference(true)
			.register(registry);
	}

	private static double count(CachedTcpStates cached, TcpState state) {
		TcpStateCounts counts = cached.current();
		return (counts != null) ? counts.count(state) : Double.NaN;
	}

}
