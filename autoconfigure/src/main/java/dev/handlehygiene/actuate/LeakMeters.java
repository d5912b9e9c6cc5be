package dev.handlehygiene.actuate;

import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.handlehygiene.leak.LeakSource;

/**
 * {@code handle.hygiene.leaks} (a counter per resource and pool) and
 * {@code handle.hygiene.tracked.open} (a gauge per resource whose source tracks open
 * ones), for every leak source. The counters read each source's own totals, so leaks
 * reported before binding count, and none is lost between binding and the first report.
 */
public class LeakMeters implements MeterBinder {

	static final String LEAKS = "handle.hygiene.leaks";

	static final String TRACKED_OPEN = "handle.hygiene.tracked.open";

	/**
	 * One description for every meter of the name, whatever the resource: a registry
	 * keeps one per name.
	 */
	static final String LEAKS_DESCRIPTION = "Resources found unreachable without being closed, or, for JDBC connections,"
			+ " held past the pool's leak detection threshold";

	private final List<LeakSource> sources;

	public LeakMeters(List<LeakSource> sources) {
		this.sources = List.copyOf(sources);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (LeakSource source : this.sources) {
			// a pool's counter appears with its first leak, because only a leak names the
			// pool; listening first and
			// then registering the pools known so far misses none
			source.addListener((leak) -> counter(registry, source, leak.pool()));
			source.pools().forEach((pool) -> counter(registry, source, pool));
			if (source.open() >= 0) {
				Gauge.builder(TRACKED_OPEN, source, LeakSource::open)
					.tag("resource", source.resource())
					.description("Tracked resources open now")
					.register(registry);
			}
		}
	}

	private static void counter(MeterRegistry registry, LeakSource source, String pool) {
		// every leak of a pool comes here: Micrometer would return the registered
		// counter, but warns each time that
		// a function counter is registered again
		if (registry.find(LEAKS).tags("resource", source.resource(), "pool", pool).functionCounter() != null) {
			return;
		}
		FunctionCounter.builder(LEAKS, source, (counted) -> counted.leaked(pool))
			.tag("resource", source.resource())
			// every meter of the name carries the same tag keys, as Prometheus wants
			.tag("pool", pool)
			.description(LEAKS_DESCRIPTION)
			.register(registry);
	}

}
