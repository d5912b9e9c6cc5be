package dev.handlehygiene.benchmarks;

import java.time.Duration;

import dev.handlehygiene.http.ResponseTrackingInterceptor;
import dev.handlehygiene.leak.CallSites;
import dev.handlehygiene.leak.CaptureBudget;
import dev.handlehygiene.leak.FrameworkFrames;
import dev.handlehygiene.leak.LeakTracker;
import dev.handlehygiene.leak.LeakTrackerSettings;

/**
 * The response trackers the benchmarks compare, built as the starter builds its own.
 */
final class Trackers {

	/** The starter's defaults: every call site recorded, within a budget of 1 % of one CPU and a 50 ms reserve. */
	static final String DEFAULTS = "defaults";

	private Trackers() {
	}

	/**
	 * A tracker for a benchmark variant.
	 * @param variant {@code defaults}, or a sampling share with no budget, such as {@code 1.0}
	 * @return the tracker
	 */
	static LeakTracker of(String variant) {
		boolean defaults = DEFAULTS.equals(variant);
		LeakTrackerSettings settings = new LeakTrackerSettings(defaults ? 1.0 : Double.parseDouble(variant),
				Duration.ofSeconds(60), true, 100);
		CaptureBudget budget = defaults ? new CaptureBudget(0.01, CaptureBudget.DEFAULT_RESERVE_NANOS, System::nanoTime)
				: CaptureBudget.UNLIMITED;
		return new LeakTracker(ResponseTrackingInterceptor.RESOURCE, settings,
				new CallSites(FrameworkFrames.PREFIXES, 32), budget);
	}

}
