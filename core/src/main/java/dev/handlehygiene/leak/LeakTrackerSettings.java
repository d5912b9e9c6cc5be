package dev.handlehygiene.leak;

import java.time.Duration;

/**
 * How a {@link LeakTracker} samples and what it keeps.
 *
 * @param sampling the share of resources whose opening stack is captured, 0.0 to 1.0;
 * every resource is counted
 * @param maxOpenAge how long a resource may stay open before it counts as a suspected
 * leak
 * @param closeLeaked whether to close the underlying resource of a leaked one, releasing
 * what it holds
 * @param maxSites how many distinct call sites to keep, catch-all sites aside; leaks from
 * further sites are counted under one entry, {@link LeakSites#OTHER_SITES}
 */
public record LeakTrackerSettings(double sampling, Duration maxOpenAge, boolean closeLeaked, int maxSites) {

	/**
	 * Checks the ranges.
	 * @param sampling 0.0 to 1.0
	 * @param maxOpenAge positive
	 * @param closeLeaked any
	 * @param maxSites positive
	 */
	public LeakTrackerSettings {
		if (!(sampling >= 0 && sampling <= 1)) {
			throw new IllegalArgumentException("sampling must be within 0.0 and 1.0, got " + sampling);
		}
		if (maxOpenAge == null || maxOpenAge.isNegative() || maxOpenAge.isZero()) {
			throw new IllegalArgumentException("maxOpenAge must be positive, got " + maxOpenAge);
		}
		if (maxSites < 1) {
			throw new IllegalArgumentException("maxSites must be positive");
		}
	}

}
