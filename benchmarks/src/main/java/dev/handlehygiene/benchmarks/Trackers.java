package dev.handlehygiene.benchmarks;

import java.time.Duration;

import dev.handlehygiene.http.ResponseTrackers;
import dev.handlehygiene.leak.FrameworkFrames;
import dev.handlehygiene.leak.LeakTracker;

/**
 * The response trackers the benchmarks compare, built as the starter builds its own.
 */
final class Trackers {

	/**
	 * The starter's defaults: every call site recorded, within a budget of 1 % of one CPU
	 * and a 50 ms reserve.
	 */
	static final String DEFAULTS = "defaults";

	private Trackers() {
	}

	/**
	 * A tracker for a benchmark variant.
	 * @param variant {@code defaults}, or a sampling share with no budget, such as
	 * {@code 1.0}
	 * @return the tracker
	 */
	static LeakTracker of(String variant) {
		boolean defaults = DEFAULTS.equals(variant);
		return ResponseTrackers.create(defaults ? 1.0 : Double.parseDouble(variant), Duration.ofSeconds(60), true,
				defaults ? 0.01 : 1.0, FrameworkFrames.PREFIXES);
	}

}
