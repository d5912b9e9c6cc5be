package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.handlehygiene.actuate.HttpClientSettingsAuditor;

/**
 * Settings of handle-hygiene, under {@code handle-hygiene}.
 */
@ConfigurationProperties("handle-hygiene")
public class HandleHygieneProperties implements InitializingBean {

	/**
	 * Whether handle-hygiene contributes anything at all.
	 */
	private boolean enabled = true;

	private final Fd fd = new Fd();

	private final Defaults defaults = new Defaults();

	private final Leaks leaks = new Leaks();

	private final Restart restart = new Restart();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Fd getFd() {
		return this.fd;
	}

	public Defaults getDefaults() {
		return this.defaults;
	}

	public Leaks getLeaks() {
		return this.leaks;
	}

	public Restart getRestart() {
		return this.restart;
	}

	@Override
	public void afterPropertiesSet() {
		this.fd.validate();
		this.defaults.httpClient.validate();
		this.leaks.httpClient.validate();
		this.restart.validate();
	}

	/**
	 * Descriptor-count thresholds.
	 */
	public static class Fd {

		static final String WARNING_USAGE = "handle-hygiene.fd.warning-usage";

		static final String CRITICAL_USAGE = "handle-hygiene.fd.critical-usage";

		static final String SAMPLE_INTERVAL = "handle-hygiene.fd.sample-interval";

		static final String TREND_WINDOW = "handle-hygiene.fd.trend-window";

		static final String EXHAUSTION_HORIZON = "handle-hygiene.fd.exhaustion-horizon";

		/**
		 * Share of the descriptor limit (open / limit) at which health reports level 'warning' while staying UP.
		 */
		private double warningUsage = 0.70;

		/**
		 * Share of the descriptor limit (open / limit) at which health is DOWN.
		 */
		private double criticalUsage = 0.90;

		/**
		 * How often the trend sampler reads the open count.
		 */
		private Duration sampleInterval = Duration.ofSeconds(10);

		/**
		 * How much time the growth trend covers; holds trend-window / sample-interval samples, at least 3.
		 */
		private Duration trendWindow = Duration.ofMinutes(10);

		/**
		 * Health is DOWN when the growth trend projects the limit within this time.
		 */
		private Duration exhaustionHorizon = Duration.ofMinutes(15);

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

		void validate() {
			// written as negations so that NaN fails too
			if (!(this.criticalUsage > 0 && this.criticalUsage <= 1)) {
				throw new InvalidPropertyException(CRITICAL_USAGE, this.criticalUsage,
						"a share of the limit above 0 and at most 1, such as 0.9");
			}
			if (!(this.warningUsage > 0 && this.warningUsage < this.criticalUsage)) {
				throw new InvalidPropertyException(WARNING_USAGE, this.warningUsage,
						"a share of the limit above 0 and below " + CRITICAL_USAGE + " (" + this.criticalUsage + ")");
			}
			requirePositive(SAMPLE_INTERVAL, this.sampleInterval, "10s");
			// three samples are the fewest through which a line says more than "it went up once"
			if (this.trendWindow == null
					|| this.trendWindow.compareTo(this.sampleInterval.multipliedBy(3)) < 0) {
				throw new InvalidPropertyException(TREND_WINDOW, print(this.trendWindow),
						"a duration of at least 3 x " + SAMPLE_INTERVAL + " (" + print(this.sampleInterval.multipliedBy(3))
								+ "), such as 10m");
			}
			requirePositive(EXHAUSTION_HORIZON, this.exhaustionHorizon, "15m");
		}

	}

	/**
	 * Safe defaults, added as the lowest-precedence property source {@code handleHygieneDefaults}. The values live in
	 * {@link SafeDefaults}; these switches are read by {@link SafeDefaultsEnvironmentPostProcessor} before the
	 * context starts and are bound here for metadata.
	 */
	public static class Defaults {

		/**
		 * Whether to add the safe defaults for timeouts, connection limits, Hikari leak detection and the liveness
		 * group.
		 */
		private boolean enabled = true;

		private final Group server = new Group();

		private final HttpClient httpClient = new HttpClient();

		private final Group hikari = new Group();

		private final Group probes = new Group();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Embedded Tomcat and Jetty: connection and keep-alive timeouts, max connections.
		 * @return the server group
		 */
		public Group getServer() {
			return this.server;
		}

		/**
		 * RestClient and RestTemplate: connect and read timeouts, and Apache HttpClient's pool lease timeout.
		 * @return the HTTP client group
		 */
		public HttpClient getHttpClient() {
			return this.httpClient;
		}

		/**
		 * Hikari: connection timeout and leak detection.
		 * @return the Hikari group
		 */
		public Group getHikari() {
			return this.hikari;
		}

		/**
		 * The liveness health group, with fileDescriptors in it.
		 * @return the probes group
		 */
		public Group getProbes() {
			return this.probes;
		}

	}

	/**
	 * One group of safe defaults.
	 */
	public static class Group {

		/**
		 * Whether to add this group's safe defaults.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Tracking of resources that must be closed.
	 */
	public static class Leaks {

		private final HttpClientLeaks httpClient = new HttpClientLeaks();

		private final JdbcLeaks jdbc = new JdbcLeaks();

		/**
		 * Responses of RestClient and RestTemplate built from Spring Boot's builders.
		 * @return the HTTP client settings
		 */
		public HttpClientLeaks getHttpClient() {
			return this.httpClient;
		}

		/**
		 * HikariCP connections held past the pool's leak detection threshold.
		 * @return the JDBC settings
		 */
		public JdbcLeaks getJdbc() {
			return this.jdbc;
		}

	}

	/**
	 * HikariCP's leak reports turned into a counter and endpoint entries.
	 */
	public static class JdbcLeaks {

		/**
		 * Whether to capture HikariCP's leak reports ("Connection leak detection triggered") from the logging system
		 * in use, Logback or Log4j2, as the handle.hygiene.leaks counter and the leaks.jdbc endpoint section.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Tracking of HTTP client responses.
	 */
	public static class HttpClientLeaks {

		static final String SAMPLING = "handle-hygiene.leaks.http-client.sampling";

		static final String MAX_OPEN_AGE = "handle-hygiene.leaks.http-client.max-open-age";

		/**
		 * Whether to track RestClient and RestTemplate responses and report those never closed.
		 */
		private boolean enabled = true;

		/**
		 * Share of responses whose call site (stack) is captured, 0.0 to 1.0. Every response is counted; a leak whose
		 * stack was not captured is listed under "(call site not sampled)". 1.0 names every site at once, at about
		 * 14 microseconds per response (a stack walk) against a fraction of a microsecond.
		 */
		private double sampling = 0.01;

		/**
		 * How long a response may stay open before it is reported as a suspected leak.
		 */
		private Duration maxOpenAge = Duration.ofSeconds(60);

		/**
		 * Whether to close the underlying response of a wrapper found unreachable and unclosed, releasing its
		 * connection.
		 */
		private boolean closeLeaked = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public double getSampling() {
			return this.sampling;
		}

		public void setSampling(double sampling) {
			this.sampling = sampling;
		}

		public Duration getMaxOpenAge() {
			return this.maxOpenAge;
		}

		public void setMaxOpenAge(Duration maxOpenAge) {
			this.maxOpenAge = maxOpenAge;
		}

		public boolean isCloseLeaked() {
			return this.closeLeaked;
		}

		public void setCloseLeaked(boolean closeLeaked) {
			this.closeLeaked = closeLeaked;
		}

		void validate() {
			if (!(this.sampling >= 0 && this.sampling <= 1)) {
				throw new InvalidPropertyException(SAMPLING, this.sampling, "a share from 0.0 to 1.0, such as 0.01");
			}
			requirePositive(MAX_OPEN_AGE, this.maxOpenAge, "60s");
		}

	}

	/**
	 * Fails unless a duration is set and above zero.
	 * @param property the property's full name
	 * @param duration its value
	 * @param example a sensible value, for the message
	 */
	private static void requirePositive(String property, Duration duration, String example) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidPropertyException(property, print(duration), "a positive duration, such as " + example);
		}
	}

	/**
	 * Shutting down on purpose when descriptors run out, for supervisors that have no health probes (systemd, a
	 * shell loop).
	 */
	public static class Restart {

		static final String GRACE = "handle-hygiene.restart.grace";

		/**
		 * Whether to shut down gracefully and exit with code 75 once the fileDescriptors health indicator has been
		 * DOWN (critical usage or projected exhaustion) for the grace period, so that a supervisor restarts the
		 * process. Leave off where Kubernetes probes liveness.
		 */
		private boolean exitOnCritical = false;

		/**
		 * How long the fileDescriptors health indicator must stay DOWN, without interruption, before exit-on-critical
		 * shuts the application down.
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

		void validate() {
			requirePositive(GRACE, this.grace, "30s");
		}

	}

	/**
	 * A duration as a user would write it: {@code 0s}, {@code -5s}, {@code 1500ms}.
	 */
	private static String print(Duration duration) {
		if (duration == null) {
			return null;
		}
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	/**
	 * The HTTP client group of safe defaults.
	 */
	public static class HttpClient extends Group {

		static final String POOL_LEASE_TIMEOUT = HttpClientSettingsAuditor.POOL_LEASE_TIMEOUT;

		/**
		 * How long a call waits to lease a connection from Apache HttpClient 5's pool before it fails. HttpClient's
		 * own default is 3 minutes, which an unclosed response (it keeps its lease) turns into a hang.
		 */
		private Duration poolLeaseTimeout = Duration.ofSeconds(10);

		public Duration getPoolLeaseTimeout() {
			return this.poolLeaseTimeout;
		}

		public void setPoolLeaseTimeout(Duration poolLeaseTimeout) {
			this.poolLeaseTimeout = poolLeaseTimeout;
		}

		void validate() {
			requirePositive(POOL_LEASE_TIMEOUT, this.poolLeaseTimeout, "10s");
		}

	}

}
