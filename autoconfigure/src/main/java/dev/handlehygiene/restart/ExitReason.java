package dev.handlehygiene.restart;

import java.time.Duration;

/**
 * Which of exit-on-critical's rules ended the wait, in the words the ERROR line starts
 * with.
 *
 * @param rule the rule's name: {@code grace}, {@code time-to-limit} or {@code reserve}
 * @param words what happened, as the start of a sentence
 */
record ExitReason(String rule, String words) {

	/**
	 * DOWN for the whole grace period.
	 * @param downFor how long it has been DOWN
	 * @return the reason
	 */
	static ExitReason graceElapsed(Duration downFor) {
		return new ExitReason("grace",
				"File descriptors DOWN for " + RestartEvidence.seconds(downFor) + " (" + RestartKeys.GRACE + ")");
	}

	/**
	 * DOWN, and at the recent rate the limit comes too soon to wait out the grace period
	 * and still shut down gracefully.
	 * @param downFor how long it has been DOWN
	 * @param timeToLimit the time left at the recent rate
	 * @param grace the grace period
	 * @return the reason
	 */
	static ExitReason limitBeforeGraceEnds(Duration downFor, Duration timeToLimit, Duration grace) {
		return new ExitReason("time-to-limit",
				"File descriptors DOWN for " + RestartEvidence.seconds(downFor)
						+ ", and at the recent rate the limit is " + RestartEvidence.seconds(timeToLimit)
						+ " away: too near to wait out the grace period (" + RestartKeys.GRACE + ", "
						+ RestartEvidence.seconds(grace) + ") and still shut down gracefully");
	}

	/**
	 * At the soft limit minus the reserve a graceful shutdown needs.
	 * @param reading the count and the limit
	 * @return the reason
	 */
	static ExitReason withinReserve(LimitReading reading) {
		return new ExitReason("reserve", "File descriptors at " + reading.open() + " of the limit of " + reading.limit()
				+ ", within the " + reading.reserve() + " kept free for a graceful shutdown");
	}

}
