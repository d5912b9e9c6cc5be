package dev.handlehygiene.fd;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * When the last few samples show a rise that holds, and the time to the limit at that
 * rise. A burst of descriptors, however large, shows as one step: the count rises in one
 * or two intervals and then stays or falls, so it never makes
 * {@link FileDescriptorRate#STEADY_RISES} of the five. A saw-tooth rises in most
 * intervals only when its teeth are a few samples long, and then a line explains little
 * of it, hence the fit rule too. A leak rises in every interval.
 */
final class RateRules {

	private static final double MILLIS_PER_SECOND = 1_000.0;

	/**
	 * The rate of the samples, oldest first.
	 * @param times when each count was read, in milliseconds
	 * @param counts the counts
	 * @param limit the limit now, or a negative value when unknown
	 * @return the rate
	 */
	FileDescriptorRate assess(long[] times, long[] counts, long limit) {
		int n = times.length;
		double[] seconds = new double[n];
		double[] values = new double[n];
		int rises = 0;
		for (int i = 0; i < n; i++) {
			seconds[i] = (times[i] - times[0]) / MILLIS_PER_SECOND;
			values[i] = counts[i];
			if (i > 0 && counts[i] > counts[i - 1]) {
				rises++;
			}
		}
		LinearFit fit = LinearFit.of(seconds, values);
		if (fit == null) {
			return new FileDescriptorRate(n, null, false, null);
		}
		boolean steady = n >= FileDescriptorRate.SAMPLES && rises >= FileDescriptorRate.STEADY_RISES && fit.slope() > 0
				&& fit.rSquared() >= TrendRules.MIN_FIT;
		return new FileDescriptorRate(n, fit.slope(), steady,
				(fit.slope() > 0) ? timeToLimit(fit.slope(), counts[n - 1], limit) : null);
	}

	private static @Nullable Duration timeToLimit(double perSecond, long latest, long limit) {
		if (limit <= 0) {
			return null;
		}
		// from the latest reading rather than the line: the count now is what the limit
		// is measured against
		return Duration.ofMillis(Math.round(Math.max(0, limit - latest) / perSecond * MILLIS_PER_SECOND));
	}

}
