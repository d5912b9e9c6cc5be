package dev.handlehygiene.actuate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.handlehygiene.leak.LeakTracker;

/**
 * {@code handle.hygiene.leaks} (counter) and {@code handle.hygiene.tracked.open} (gauge) for one tracker, tagged
 * with its resource.
 */
public class LeakMeters implements MeterBinder {

	static final String LEAKS = "handle.hygiene.leaks";

	static final String TRACKED_OPEN = "handle.hygiene.tracked.open";

	static final String POOL = "pool";

	/** One description for every meter of the name, whatever the resource: a registry keeps one per name. */
	static final String LEAKS_DESCRIPTION = "Resources found unreachable without being closed, or, for JDBC connections,"
			+ " held past the pool's leak detection threshold";

	/** The {@code pool} tag of resources that do not come from a pool. */
	static final String NO_POOL = "none";

	private final LeakTracker tracker;

	public LeakMeters(LeakTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Counter leaks = Counter.builder(LEAKS)
			.tag("resource", this.tracker.resource())
			// the JDBC counter of the same name is per pool; Prometheus wants one set of tag keys per name
			.tag(POOL, NO_POOL)
			.description(LEAKS_DESCRIPTION)
			.register(registry);
		// leaks found before binding count too
		leaks.increment(this.tracker.leaked());
		this.tracker.addListener((leak) -> leaks.increment());
		Gauge.builder(TRACKED_OPEN, this.tracker, LeakTracker::open)
			.tag("resource", this.tracker.resource())
			.description("Tracked resources open now")
			.register(registry);
	}

}
