package dev.handlehygiene.autoconfigure;

import java.time.Duration;
import java.util.Objects;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.handlehygiene.audit.SettingVerdicts;
import dev.handlehygiene.fd.CountMethodPreference;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * Reading the descriptor count: the usage thresholds of the health indicator and the
 * growth trend, under {@code handle-hygiene.fd}.
 */
@ConfigurationProperties(FileDescriptorProperties.PREFIX)
public class FileDescriptorProperties implements InitializingBean {

	static final String PREFIX = "handle-hygiene.fd";

	/**
	 * Share of the descriptor limit (open / limit) at which health reports level
	 * 'warning' while staying UP.
	 */
	private double warningUsage = 0.70;

	/**
	 * Share of the descriptor limit (open / limit) at which health is DOWN.
	 */
	private double criticalUsage = 0.90;

	/**
	 * How often the trend sampler reads the open count while it is flat; it reads every
	 * second while the count rises or is at or above warning-usage.
	 */
	private Duration sampleInterval = Duration.ofSeconds(10);

	/**
	 * How much time the growth trend covers; it holds trend-window / sample-interval
	 * samples.
	 */
	private Duration trendWindow = Duration.ofMinutes(10);

	/**
	 * Health is DOWN when the growth trend projects the limit within this time.
	 */
	private Duration exhaustionHorizon = Duration.ofMinutes(15);

	/**
	 * How long the platform needs to notice DOWN and restart the process; health is DOWN
	 * when, at the recent steady rate, the limit is this near. At least the liveness
	 * probe's period x failure threshold, plus the graceful shutdown.
	 */
	private Duration restartLead = Duration.ofSeconds(60);

	/**
	 * How to count open descriptors: 'auto' (the stat size of /proc/self/fd where it
	 * agrees with the MXBean, else the MXBean), 'procfs-stat' (the stat size only) or
	 * 'mxbean' (the MXBean's directory walk, as on kernels before Linux 6.2, which fails
	 * at the descriptor limit).
	 */
	private String countMethod = "auto";

	public double getWarningUsage() {
		return this.warningUsage;
	}

	public void setWarningUsage(double warningUsage) {
		this.warningUsage = warningUsage;
	}

	public double getCriticalUsage() {
		return this.criticalUsage;
	}

	public void setCriticalUsage(double criticalUsage) {
		this.criticalUsage = criticalUsage;
	}

	public Duration getSampleInterval() {
		return this.sampleInterval;
	}

	public void setSampleInterval(Duration sampleInterval) {
		this.sampleInterval = sampleInterval;
	}

	public Duration getTrendWindow() {
		return this.trendWindow;
	}

	public void setTrendWindow(Duration trendWindow) {
		this.trendWindow = trendWindow;
	}

	public Duration getExhaustionHorizon() {
		return this.exhaustionHorizon;
	}

	public void setExhaustionHorizon(Duration exhaustionHorizon) {
		this.exhaustionHorizon = exhaustionHorizon;
	}

	public Duration getRestartLead() {
		return this.restartLead;
	}

	public void setRestartLead(Duration restartLead) {
		this.restartLead = restartLead;
	}

	public String getCountMethod() {
		return this.countMethod;
	}

	public void setCountMethod(String countMethod) {
		this.countMethod = countMethod;
	}

	/**
	 * The count method the probe is built with, once the properties are checked.
	 * @return the preference that {@code count-method} names
	 */
	CountMethodPreference countMethodPreference() {
		// checked at binding: a label that names no preference never gets this far
		return Objects.requireNonNull(CountMethodPreference.ofLabel(this.countMethod), "count-method");
	}

	/**
	 * The thresholds the health indicator and the endpoint judge usage by.
	 * @return the warning and critical shares
	 */
	UsageThresholds thresholds() {
		return new UsageThresholds(this.warningUsage, this.criticalUsage);
	}

	@Override
	public void afterPropertiesSet() {
		PropertyChecks.requireWithin(PREFIX + ".critical-usage", this.criticalUsage, 0, false, 1,
				"a share of the descriptor limit above 0 and at most 1, such as 0.9");
		PropertyChecks.requireWithin(PREFIX + ".warning-usage", this.warningUsage, 0, false,
				Math.nextDown(this.criticalUsage),
				"a share of the descriptor limit above 0 and below " + PREFIX + ".critical-usage (" + this.criticalUsage
						+ "); when not set it is 0.7, so a lower"
						+ " critical-usage needs a warning-usage below it too");
		PropertyChecks.requirePositive(PREFIX + ".sample-interval", this.sampleInterval, "10s");
		// three samples are the fewest through which a line says more than "it went up
		// once"
		PropertyChecks.requireAtLeast(PREFIX + ".trend-window", this.trendWindow, this.sampleInterval.multipliedBy(3),
				"a duration of at least 3 x " + PREFIX + ".sample-interval ("
						+ SettingVerdicts.duration(this.sampleInterval.multipliedBy(3)) + "), such as 10m");
		PropertyChecks.requirePositive(PREFIX + ".exhaustion-horizon", this.exhaustionHorizon, "15m");
		PropertyChecks.requirePositive(PREFIX + ".restart-lead", this.restartLead, "60s");
		PropertyChecks.requireOneOf(PREFIX + ".count-method", this.countMethod,
				CountMethodPreference.ofLabel(this.countMethod) != null, CountMethodPreference.labels());
	}

}
