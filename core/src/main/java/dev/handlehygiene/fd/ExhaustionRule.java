package dev.handlehygiene.fd;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Why health is DOWN: the first of these rules that holds, in this order, so that the
 * most urgent is named.
 */
public enum ExhaustionRule {

	/** Usage is at or above the critical share of the limit. */
	CRITICAL("critical"),

	/**
	 * At the recent, steady rate the count reaches the limit within the restart lead: the
	 * time the platform needs to notice and restart.
	 */
	IMMINENT("imminent"),

	/** The long-window trend projects the limit within the exhaustion horizon. */
	PROJECTED("projected");

	private final String label;

	ExhaustionRule(String label) {
		this.label = label;
	}

	/**
	 * The name used in health details, logs and docs.
	 * @return the label, such as {@code imminent}
	 */
	public String label() {
		return this.label;
	}

	/**
	 * How far the limit may move away, as a multiple of the restart lead, before an
	 * {@link #IMMINENT} reading lets go. A leak's rate wavers by a few percent from
	 * second to second, so its time to the limit crosses the lead back and forth; a
	 * liveness probe counts consecutive failures, and one UP in between would start its
	 * count again.
	 */
	static final double IMMINENT_HOLD = 1.5;

	/**
	 * The rule that makes a reading DOWN, if any.
	 * @param usage the count against the limit, now
	 * @param trend the long-window trend, or {@code null} when nothing samples
	 * @param rate the recent rate, or {@code null} when nothing samples
	 * @param horizon DOWN when the trend projects the limit within this
	 * @param restartLead DOWN when the recent rate reaches the limit within this
	 * @param previous the rule of the previous reading, or {@code null} when it was not
	 * DOWN: an {@link #IMMINENT} one holds while the count still rises fast enough to
	 * reach the limit within one and a half leads, steady or not
	 * @return the first rule that holds, or {@code null} for UP
	 */
	public static @Nullable ExhaustionRule judge(FileDescriptorUsage usage, @Nullable FileDescriptorTrend trend,
			@Nullable FileDescriptorRate rate, Duration horizon, Duration restartLead,
			@Nullable ExhaustionRule previous) {
		// if-else rather than a switch on the level: no synthetic class to load at the
		// limit, where loading one can fail
		if (usage.level() == UsageLevel.CRITICAL) {
			return CRITICAL;
		}
		if (rate != null && rate.reachesLimitWithin(restartLead)) {
			return IMMINENT;
		}
		if (previous == IMMINENT && rate != null && rate
			.stillReachesLimitWithin(Duration.ofMillis(Math.round(restartLead.toMillis() * IMMINENT_HOLD)))) {
			return IMMINENT;
		}
		if (trend != null && trend.projectsExhaustionWithin(horizon)) {
			return PROJECTED;
		}
		return null;
	}

}
