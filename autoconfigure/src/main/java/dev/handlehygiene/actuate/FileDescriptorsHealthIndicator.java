package dev.handlehygiene.actuate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.handlehygiene.fd.DescriptorUsage;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageLevel;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * Reports open descriptors against the limit: UP below the critical share, DOWN at it, UNKNOWN where the platform
 * cannot tell. Reads only the O(1) probe, so it is cheap at every probe and still answers at the limit.
 */
public class FileDescriptorsHealthIndicator extends AbstractHealthIndicator {

	private static final Log logger = LogFactory.getLog(FileDescriptorsHealthIndicator.class);

	private final FileDescriptorProbe probe;

	private final UsageThresholds thresholds;

	private volatile UsageLevel lastLevel = UsageLevel.OK;

	public FileDescriptorsHealthIndicator(FileDescriptorProbe probe, UsageThresholds thresholds) {
		super("File descriptor health check failed");
		this.probe = probe;
		this.thresholds = thresholds;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		DescriptorUsage usage = DescriptorUsage.read(this.probe, this.thresholds);
		if (!usage.isKnown()) {
			builder.unknown().withDetail("countMethod", usage.method().label());
			return;
		}
		builder.status((usage.level() == UsageLevel.CRITICAL) ? Status.DOWN : Status.UP)
			.withDetail("open", usage.open())
			.withDetail("limit", usage.limit())
			.withDetail("usage", usage.usage())
			.withDetail("level", usage.level().label())
			.withDetail("countMethod", usage.method().label());
		logWhenRising(usage);
	}

	private void logWhenRising(DescriptorUsage usage) {
		UsageLevel previous = this.lastLevel;
		this.lastLevel = usage.level();
		// one line per rise, not one per probe: a probe runs every few seconds
		if (usage.level().compareTo(previous) > 0) {
			double threshold = (usage.level() == UsageLevel.CRITICAL) ? this.thresholds.critical()
					: this.thresholds.warning();
			logger.warn(String.format("%d of %d file descriptors open (%.1f%%), at or above the %s threshold of %.0f%%",
					usage.open(), usage.limit(), usage.usage() * 100, usage.level().label(), threshold * 100));
		}
	}

}
