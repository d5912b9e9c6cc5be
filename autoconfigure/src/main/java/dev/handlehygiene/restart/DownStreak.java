package dev.handlehygiene.restart;

import java.time.Duration;

/**
 * How long a health status has been DOWN without interruption, against a grace period.
 * Time is passed in by the caller, on the scale of {@link System#nanoTime()}, so that the
 * rule can be tested without waiting.
 * <p>
 * Not thread-safe: one watcher thread owns it.
 */
final class DownStreak {

	/**
	 * What one observation did to the streak.
	 */
	public enum Change {

		/** Not DOWN, and was not DOWN before. */
		NOT_DOWN,

		/** The first DOWN after anything else: a streak begins. */
		STARTED,

		/** Still DOWN, for less than the grace period. */
		WITHIN_GRACE,

		/**
		 * DOWN for the whole grace period, now. Reported at every observation from then
		 * on.
		 */
		GRACE_ELAPSED,

		/** Not DOWN any more: the streak is over. */
		RECOVERED

	}

	private final long graceNanos;

	private boolean down;

	private long downSinceNanos;

	/**
	 * A streak that reaches its grace period after {@code grace} of uninterrupted DOWN.
	 * @param grace how long DOWN must last; positive
	 */
	public DownStreak(Duration grace) {
		if (grace == null || grace.isNegative() || grace.isZero()) {
			throw new IllegalArgumentException("The grace period must be positive, got " + grace);
		}
		this.graceNanos = grace.toNanos();
	}

	/**
	 * Records one observation.
	 * @param isDown whether the status observed is DOWN; anything else (UP, UNKNOWN) ends
	 * a streak
	 * @param nowNanos when it was observed, on the scale of {@link System#nanoTime()}
	 * @return what the observation did to the streak
	 */
	public Change observe(boolean isDown, long nowNanos) {
		if (!isDown) {
			boolean wasDown = this.down;
			this.down = false;
			return wasDown ? Change.RECOVERED : Change.NOT_DOWN;
		}
		if (!this.down) {
			this.down = true;
			this.downSinceNanos = nowNanos;
			return Change.STARTED;
		}
		// compared as a difference: nanoTime may wrap around
		return (nowNanos - this.downSinceNanos >= this.graceNanos) ? Change.GRACE_ELAPSED : Change.WITHIN_GRACE;
	}

	/**
	 * How long the current streak has lasted.
	 * @param nowNanos now, on the scale of {@link System#nanoTime()}
	 * @return the time since the streak began, or zero when not DOWN
	 */
	public Duration downFor(long nowNanos) {
		return this.down ? Duration.ofNanos(nowNanos - this.downSinceNanos) : Duration.ZERO;
	}

}
