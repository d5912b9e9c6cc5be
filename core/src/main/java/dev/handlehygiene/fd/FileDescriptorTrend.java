package dev.handlehygiene.fd;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the open count moved over the trend window, and when it reaches the limit if it
 * keeps moving that way.
 *
 * @param window the span of samples the trend is computed over (configured, not observed)
 * @param samples how many samples the window holds now
 * @param perMinute the least-squares growth in descriptors per minute, or {@code null}
 * before 2 samples
 * @param fit how well a straight line explains the samples (R², 0 to 1), or {@code null}
 * before 2 samples
 * @param projectedExhaustion the time left until the limit at this growth, or
 * {@code null} when the samples do not show steady growth (see {@link TrendRules})
 */
public record FileDescriptorTrend(Duration window, int samples, @Nullable Double perMinute, @Nullable Double fit,
		@Nullable Duration projectedExhaustion) {

	/**
	 * Whether the samples show steady growth towards the limit.
	 * @return {@code true} when there is a projection
	 */
	public boolean isProjecting() {
		return this.projectedExhaustion != null;
	}

	/**
	 * Whether the limit is projected to be reached within a horizon.
	 * @param horizon how far ahead to look
	 * @return {@code true} when the projection falls within {@code horizon}
	 */
	public boolean projectsExhaustionWithin(Duration horizon) {
		return this.projectedExhaustion != null && this.projectedExhaustion.compareTo(horizon) <= 0;
	}

}
