package dev.handlehygiene.actuate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.handlehygiene.jdbc.JdbcLeak;
import dev.handlehygiene.jdbc.JdbcLeakListener;
import dev.handlehygiene.jdbc.JdbcLeakRegistry;

/**
 * {@code handle.hygiene.leaks{resource="jdbc.connection", pool=...}}: HikariCP's leak reports as a counter, the meter
 * HikariCP itself declined to add (brettwooldridge/HikariCP#653, #2054). A pool's counter appears with its first
 * report, because only the report names the pool.
 */
public class JdbcLeakMeters implements MeterBinder {

	static final String RESOURCE = "jdbc.connection";

	private final JdbcLeakRegistry registry;

	public JdbcLeakMeters(JdbcLeakRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		JdbcLeakListener counting = (leak) -> counter(meters, leak).increment();
		this.registry.addListener(counting);
	}

	private static Counter counter(MeterRegistry meters, JdbcLeak leak) {
		return Counter.builder(LeakMeters.LEAKS)
			.tag("resource", RESOURCE)
			.tag(LeakMeters.POOL, leak.pool())
			.description(LeakMeters.LEAKS_DESCRIPTION)
			.register(meters);
	}

}
