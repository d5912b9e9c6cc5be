package dev.handlehygiene.fd;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * When a series of counts counts as a leak worth projecting, and the projection itself.
 * <p>
 * A least-squares slope alone would project exhaustion from any rise, and counts rise all
 * the time: a burst of requests, a pool warming up, connections opened and closed in a
 * saw-tooth. A projection is made only when
 * <ul>
 * <li>the samples cover at least half the window, so one burst cannot fill it: before
 * that, the rising edge of a saw-tooth is a straight line;</li>
 * <li>the count grows, and a straight line explains at least {@link #MIN_FIT} of its
 * variance (R²). A saw-tooth whose period is at most half the window fits a line with R²
 * of 0.33 at worst, whatever its phase; a single step reaches at most 0.75 (when it sits
 * mid-window), and less as the plateau after it lengthens; a leak, steady or
 * traffic-driven, stays near 1. A leak that stops is projected until its plateau fills
 * about half the window.</li>
 * </ul>
 * A saw-tooth slower than half the window cannot be told from a leak by the count alone;
 * the window is the knob.
 */
final class TrendRules {

	/**
	 * The least share of the count's variance a line must explain (R²) for a projection.
	 */
	static final double MIN_FIT = 0.8;

	/** The fewest samples through which a line says more than "it went up once". */
	static final int MIN_SAMPLES = 3;

	private static final double MILLIS_PER_MINUTE = 60_000.0;

	private final Duration window;

	private final int minSamples;

	/**
	 * @param window the span the trend covers
	 * @param capacity how many samples the window holds when full
	 */
	TrendRules(Duration window, int capacity) {
		this.window = window;
		this.minSamples = Math.max(MIN_SAMPLES, capacity / 2);
	}

	/**
	 * The trend of samples, oldest first.
	 * @param times when each count was read, in milliseconds
	 * @param counts the counts
	 * @param limit the limit now, or a negative value when unknown (then nothing is
	 * projected)
	 * @return the trend
	 */
	FileDescriptorTrend assess(long[] times, long[] counts, long limit) {
		int n = times.length;
		if (n < 2) {
			return new FileDescriptorTrend(this.window, n, null, null, null);
		}
		double[] minutes = new double[n];
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			// relative to the first sample, so that the fit works on small numbers
			minutes[i] = (times[i] - times[0]) / MILLIS_PER_MINUTE;
			values[i] = counts[i];
		}
		LinearFit fit = LinearFit.of(minutes, values);
		if (fit == null) {
			return new FileDescriptorTrend(this.window, n, null, null, null);
		}
		return new FileDescriptorTrend(this.window, n, fit.slope(), fit.rSquared(),
				projection(fit, n, counts[n - 1], limit));
	}

	private @Nullable Duration projection(LinearFit fit, int samples, long latest, long limit) {
		if (samples < this.minSamples || limit <= 0 || !(fit.slope() > 0) || fit.rSquared() < MIN_FIT) {
			return null;
		}
		// from the latest reading rather than the line: the count now is what the limit
		// is measured against
		double minutesLeft = Math.max(0, limit - latest) / fit.slope();
		return Duration.ofMillis(Math.round(minutesLeft * MILLIS_PER_MINUTE));
	}

}
