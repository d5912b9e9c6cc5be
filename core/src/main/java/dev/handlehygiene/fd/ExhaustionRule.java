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
	 * The rule that makes a reading DOWN, if any.
	 * @param usage the count against the limit, now
	 * @param trend the long-window trend, or {@code null} when nothing samples
	 * @param rate the recent rate, or {@code null} when nothing samples
	 * @param horizon DOWN when the trend projects the limit within this
	 * @param restartLead DOWN when the recent rate reaches the limit within this
	 * @return the first rule that holds, or {@code null} for UP
	 */
	public static @Nullable ExhaustionRule judge(FileDescriptorUsage usage, @Nullable FileDescriptorTrend trend,
			@Nullable FileDescriptorRate rate, Duration horizon, Duration restartLead) {
		// if-else rather than a switch on the level: no synthetic class to load at the
		// limit, where loading one can fail
		if (usage.level() == UsageLevel.CRITICAL) {
			return CRITICAL;
		}
		if (rate != null && rate.reachesLimitWithin(restartLead)) {
			return IMMINENT;
		}
		if (trend != null && trend.projectsExhaustionWithin(horizon)) {
			return PROJECTED;
		}
		return null;
	}

}
