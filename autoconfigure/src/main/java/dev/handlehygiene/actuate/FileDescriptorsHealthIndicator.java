package dev.handlehygiene.actuate;

import java.time.Duration;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.actuate.FileDescriptorLeaksReport.TrendSection;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.fd.ExhaustionRule;
import dev.handlehygiene.fd.FileDescriptorRate;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorTrend;
import dev.handlehygiene.fd.FileDescriptorUsage;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageLevel;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * Reports open descriptors against the limit: DOWN by the first {@link ExhaustionRule}
 * that holds (at the critical share; at the recent rate, the limit within the restart
 * lead; the long-window trend projecting the limit within the exhaustion horizon), else
 * UP, and UNKNOWN where the platform cannot tell. The details name the rule and, while
 * the count rises steadily, the {@code timeToLimit} at that rate. Reads only the O(1)
 * probe and the sampler's rings, so it is cheap at every probe and still answers at the
 * limit; only when the level rises, or a rule on the rate or the trend first holds, does
 * it ask the diagnosis (at most one census) for the WARN line that names what grew.
 */
public class FileDescriptorsHealthIndicator extends AbstractHealthIndicator {

	private static final Log logger = LogFactory.getLog(FileDescriptorsHealthIndicator.class);

	/**
	 * How long the platform needs, by default, to notice DOWN and restart: a Kubernetes
	 * liveness probe at its defaults (every 10 s, 3 failures) and a graceful shutdown.
	 */
	public static final Duration DEFAULT_RESTART_LEAD = Duration.ofSeconds(60);

	/** How many findings the WARN line after a rise names. */
	static final int LOGGED_FINDINGS = 3;

	private final FileDescriptorProbe probe;

	private final UsageThresholds thresholds;

	private final @Nullable FileDescriptorSampler sampler;

	private final Duration horizon;

	private final Duration restartLead;

	private final @Nullable FileDescriptorDiagnostician diagnostician;

	private volatile UsageLevel lastLevel = UsageLevel.OK;

	private volatile boolean lastProjected;

	private volatile @Nullable ExhaustionRule lastRule;

	/**
	 * An indicator on the level alone.
	 * @param probe the O(1) count and limit
	 * @param thresholds the warning and critical shares
	 */
	public FileDescriptorsHealthIndicator(FileDescriptorProbe probe, UsageThresholds thresholds) {
		this(probe, thresholds, Duration.ZERO, DEFAULT_RESTART_LEAD, null, null);
	}

	/**
	 * An indicator on the level and the growth trend.
	 * @param probe the O(1) count and limit
	 * @param thresholds the warning and critical shares
	 * @param sampler the trend
	 * @param horizon DOWN when the trend projects the limit within this
	 */
	public FileDescriptorsHealthIndicator(FileDescriptorProbe probe, UsageThresholds thresholds,
			FileDescriptorSampler sampler, Duration horizon) {
		this(probe, thresholds, horizon, DEFAULT_RESTART_LEAD, Objects.requireNonNull(sampler, "sampler"), null);
	}

	/**
	 * An indicator on the level and the growth trend that, when the level rises or a
	 * projection first falls within the horizon, logs the groups of descriptors that grew
	 * and their likely causes in one more WARN line: the evidence, in the log a platform
	 * keeps after a restart. The restart lead is {@link #DEFAULT_RESTART_LEAD}.
	 * @param probe the O(1) count and limit
	 * @param thresholds the warning and critical shares
	 * @param sampler the trend
	 * @param horizon DOWN when the trend projects the limit within this
	 * @param diagnostician what names the groups that grew
	 */
	public FileDescriptorsHealthIndicator(FileDescriptorProbe probe, UsageThresholds thresholds,
			FileDescriptorSampler sampler, Duration horizon, FileDescriptorDiagnostician diagnostician) {
		this(probe, thresholds, sampler, horizon, DEFAULT_RESTART_LEAD, diagnostician);
	}

	/**
	 * An indicator on the level, the growth trend and the recent rate that logs what grew
	 * at each rise, as above, with the restart lead the platform needs.
	 * @param probe the O(1) count and limit
	 * @param thresholds the warning and critical shares
	 * @param sampler the trend and the recent rate
	 * @param horizon DOWN when the trend projects the limit within this
	 * @param restartLead DOWN when, at the recent steady rate, the limit is this near
	 * @param diagnostician what names the groups that grew
	 */
	public FileDescriptorsHealthIndicator(FileDescriptorProbe probe, UsageThresholds thresholds,
			FileDescriptorSampler sampler, Duration horizon, Duration restartLead,
			FileDescriptorDiagnostician diagnostician) {
		this(probe, thresholds, horizon, restartLead, Objects.requireNonNull(sampler, "sampler"),
				Objects.requireNonNull(diagnostician, "diagnostician"));
	}

	// the one place the trend and the diagnosis may be missing: the public constructors
	// say so by which one is called
	private FileDescriptorsHealthIndicator(FileDescriptorProbe probe, UsageThresholds thresholds, Duration horizon,
			Duration restartLead, @Nullable FileDescriptorSampler sampler,
			@Nullable FileDescriptorDiagnostician diagnostician) {
		super("File descriptor health check failed");
		this.probe = probe;
		this.thresholds = thresholds;
		this.sampler = sampler;
		this.horizon = horizon;
		this.restartLead = restartLead;
		this.diagnostician = diagnostician;
		// loaded now: the first check may come at the limit, where loading a class from a
		// directory on the classpath fails for want of a descriptor
		ExhaustionRule.values();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		FileDescriptorUsage usage = FileDescriptorUsage.read(this.probe, this.thresholds);
		if (!usage.isKnown()) {
			builder.unknown()
				.withDetail("countMethod", usage.method().label())
				.withDetail("reason", Objects.requireNonNullElse(usage.reason(), "the platform cannot tell"));
			if (usage.limit() > 0) {
				builder.withDetail("limit", usage.limit());
			}
			return;
		}
		if (this.sampler != null) {
			// the count was read anyway: frequent checks sharpen the recent rate
			this.sampler.offer(usage.open(), usage.limit());
		}
		FileDescriptorTrend trend = (this.sampler != null) ? this.sampler.trend() : null;
		FileDescriptorRate rate = (this.sampler != null) ? this.sampler.rate() : null;
		ExhaustionRule previous;
		ExhaustionRule rule;
		// one judgement at a time: the previous rule decides whether an imminent one
		// holds, and concurrent checks (a probe, a scrape, exit-on-critical's watcher)
		// must not both see it as new
		synchronized (this) {
			previous = this.lastRule;
			rule = ExhaustionRule.judge(usage, trend, rate, this.horizon, this.restartLead, previous);
			this.lastRule = rule;
		}
		builder.status((rule != null) ? Status.DOWN : Status.UP)
			.withDetail("open", usage.open())
			.withDetail("limit", usage.limit())
			.withDetail("usage", usage.usage())
			.withDetail("level", usage.level().label())
			.withDetail("countMethod", usage.method().label());
		// the same rounding as the trend section, so that both show the same numbers
		TrendSection report = (trend != null) ? TrendSection.of(trend) : null;
		if (report != null && report.perMinute() != null) {
			builder.withDetail("perMinute", report.perMinute());
		}
		if (report != null && report.projectedExhaustion() != null) {
			builder.withDetail("projectedExhaustion", report.projectedExhaustion());
		}
		// only while the rate holds, or keeps health DOWN: a burst's time to the limit
		// would read as a warning it is not
		String timeToLimit = (rate != null && (rate.steady() || rule == ExhaustionRule.IMMINENT))
				? TrendSection.iso(rate.timeToLimit()) : null;
		if (timeToLimit != null) {
			builder.withDetail("timeToLimit", timeToLimit);
		}
		if (rule != null) {
			builder.withDetail("rule", rule.label());
		}
		String why = why(rule, timeToLimit);
		boolean rose = logWhenRising(usage, why);
		boolean newlyImminent = logWhenImminent(rule == ExhaustionRule.IMMINENT && previous != ExhaustionRule.IMMINENT,
				usage, rate, why);
		boolean newlyProjected = logWhenProjected(trend != null && trend.projectsExhaustionWithin(this.horizon), usage,
				trend, why);
		if (rose || newlyImminent || newlyProjected) {
			logFindings();
		}
	}

	/**
	 * What the rise lines end with: the health they leave and the time left, so that the
	 * log says why a restart came.
	 */
	private static String why(@Nullable ExhaustionRule rule, @Nullable String timeToLimit) {
		String status = (rule != null) ? "; health is DOWN (" + rule.label() + ")" : "; health is UP";
		return (timeToLimit != null) ? status + ", the limit in " + timeToLimit + " at the recent rate" : status;
	}

	/**
	 * One WARN line with what grew, after the count's: paths, remotes and sites included,
	 * since the log is for operators (the endpoint hides them unless details are shown).
	 */
	private void logFindings() {
		if (this.diagnostician == null) {
			return;
		}
		try {
			logger.warn(this.diagnostician.diagnose().summary(LOGGED_FINDINGS));
		}
		catch (RuntimeException | Error ex) {
			// the diagnosis never throws; this is the second line, since health must
			// answer whatever happens
			logger.warn("Could not name the file descriptors that grew: " + ex);
		}
	}

	private boolean logWhenRising(FileDescriptorUsage usage, String why) {
		UsageLevel previous = this.lastLevel;
		this.lastLevel = usage.level();
		// one line per rise, not one per probe: a probe runs every few seconds
		if (usage.level().compareTo(previous) > 0) {
			double threshold = (usage.level() == UsageLevel.CRITICAL) ? this.thresholds.critical()
					: this.thresholds.warning();
			logger
				.warn(String.format("%d of %d file descriptors open (%.1f%%), at or above the %s threshold of %.0f%%%s",
						usage.open(), usage.limit(), usage.usage() * 100, usage.level().label(), threshold * 100, why));
			return true;
		}
		return false;
	}

	private boolean logWhenImminent(boolean newlyImminent, FileDescriptorUsage usage, @Nullable FileDescriptorRate rate,
			String why) {
		if (newlyImminent && rate != null) {
			logger.warn(String.format(
					"%d of %d file descriptors open and rising steadily by %.1f a second: the limit is near, "
							+ "within the restart lead of %s%s",
					usage.open(), usage.limit(), rate.perSecond(), TrendSection.iso(this.restartLead), why));
			return true;
		}
		return false;
	}

	private boolean logWhenProjected(boolean projected, FileDescriptorUsage usage, @Nullable FileDescriptorTrend trend,
			String why) {
		boolean previous = this.lastProjected;
		this.lastProjected = projected;
		if (projected && !previous && trend != null) {
			logger.warn(String.format(
					"%d of %d file descriptors open and growing by %.1f per minute: the limit is projected in %s, "
							+ "within the exhaustion horizon of %s%s",
					usage.open(), usage.limit(), trend.perMinute(), TrendSection.iso(trend.projectedExhaustion()),
					this.horizon, why));
			return true;
		}
		return false;
	}

}
