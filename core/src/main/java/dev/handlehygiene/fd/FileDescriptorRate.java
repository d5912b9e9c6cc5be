package dev.handlehygiene.fd;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How fast the open count rose over its last few samples, about a second apart while it
 * grows, and when it reaches the limit if it keeps that pace. The long-window
 * {@link FileDescriptorTrend} needs minutes of samples before it projects anything; this
 * answers in seconds, for a leak fast enough to reach the limit before the trend would.
 *
 * @param samples how many recent samples the rate is computed over
 * @param perSecond the least-squares growth in descriptors per second, or {@code null}
 * before 2 samples
 * @param steady whether the samples show a rise that holds rather than a burst: the count
 * rose in at least 4 of the 5 intervals, and a line explains at least 0.8 of its variance
 * @param timeToLimit the time left until the limit at {@code perSecond}, or {@code null}
 * when the count does not rise or the limit is unknown; a limit near at a rate that is
 * not steady is no reason for anything
 */
public record FileDescriptorRate(int samples, @Nullable Double perSecond, boolean steady,
		@Nullable Duration timeToLimit) {

	/**
	 * How many recent samples the rate is read from: five intervals, about five seconds
	 * while the count grows.
	 */
	static final int SAMPLES = 6;

	/**
	 * Of the five intervals between the recent samples, in how many the count must have
	 * risen for the rate to count as steady. A burst rises in one interval, or two when a
	 * sample falls inside it; one interval may stay flat, for noise around a real leak.
	 */
	static final int STEADY_RISES = 4;

	/**
	 * Whether the limit is near enough at this rate to restart now.
	 * @param restartLead how long the platform needs to notice and restart
	 * @return {@code true} when the rate is steady and the limit is at most
	 * {@code restartLead} away
	 */
	public boolean reachesLimitWithin(Duration restartLead) {
		return this.steady && isWithin(restartLead);
	}

	/**
	 * Whether the count still rises fast enough to reach the limit within a time, steady
	 * or not: what keeps a limit once found near from letting go at the first second the
	 * leak stalls (a pause for garbage collection, a busy machine).
	 * @param horizon how far ahead to look
	 * @return {@code true} when the count rises and the limit is at most {@code horizon}
	 * away at this rate
	 */
	public boolean stillReachesLimitWithin(Duration horizon) {
		return isWithin(horizon);
	}

	private boolean isWithin(Duration horizon) {
		return this.timeToLimit != null && this.timeToLimit.compareTo(horizon) <= 0;
	}

}
