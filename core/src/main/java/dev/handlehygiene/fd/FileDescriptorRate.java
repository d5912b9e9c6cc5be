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
 * @param steady whether the samples show a rise that holds rather than a burst: see
 * {@link #STEADY_RISES}
 * @param timeToLimit the time left until the limit at {@code perSecond}, or {@code null}
 * unless the rate is steady and the limit known
 */
public record FileDescriptorRate(int samples, @Nullable Double perSecond, boolean steady,
		@Nullable Duration timeToLimit) {

	/**
	 * How many recent samples the rate is read from: five intervals, about five seconds
	 * while the count grows.
	 */
	public static final int SAMPLES = 6;

	/**
	 * Of the five intervals between the recent samples, in how many the count must have
	 * risen for the rate to count as steady. A burst rises in one interval, or two when a
	 * sample falls inside it; one interval may stay flat, for noise around a real leak.
	 */
	public static final int STEADY_RISES = 4;

	/**
	 * Whether the limit is near enough at this rate to restart now.
	 * @param restartLead how long the platform needs to notice and restart
	 * @return {@code true} when the rate is steady and the limit is at most
	 * {@code restartLead} away
	 */
	public boolean reachesLimitWithin(Duration restartLead) {
		return this.timeToLimit != null && this.timeToLimit.compareTo(restartLead) <= 0;
	}

}
