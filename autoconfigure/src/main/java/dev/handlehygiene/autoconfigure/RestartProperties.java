package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.handlehygiene.restart.RestartKeys;

/**
 * Shutting down on purpose when descriptors run out, for supervisors that have no health
 * probes (systemd, a shell loop), under {@code handle-hygiene.restart}.
 */
@ConfigurationProperties(RestartProperties.PREFIX)
public class RestartProperties implements InitializingBean {

	static final String PREFIX = RestartKeys.PREFIX;

	static final String EXIT_ON_CRITICAL = RestartKeys.EXIT_ON_CRITICAL;

	/**
	 * Whether to shut down gracefully and exit with code 75 once the fileDescriptors
	 * health indicator has been DOWN for the grace period, so that a supervisor restarts
	 * the process; leave off where Kubernetes probes liveness.
	 */
	private boolean exitOnCritical = false;

	/**
	 * How long the fileDescriptors health indicator must stay DOWN, without interruption,
	 * before exit-on-critical shuts the application down.
	 */
	private Duration grace = Duration.ofSeconds(30);

	public boolean isExitOnCritical() {
		return this.exitOnCritical;
	}

	public void setExitOnCritical(boolean exitOnCritical) {
		this.exitOnCritical = exitOnCritical;
	}

	public Duration getGrace() {
		return this.grace;
	}

	public void setGrace(Duration grace) {
		this.grace = grace;
	}

	@Override
	public void afterPropertiesSet() {
		PropertyChecks.requirePositive(RestartKeys.GRACE, this.grace, "30s");
	}

}
