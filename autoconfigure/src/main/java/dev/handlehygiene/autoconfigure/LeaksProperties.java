package dev.handlehygiene.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tracking of resources that must be closed, under {@code handle-hygiene.leaks}.
 */
@ConfigurationProperties(LeaksProperties.PREFIX)
public class LeaksProperties implements InitializingBean {

	static final String PREFIX = "handle-hygiene.leaks";

	static final String HTTP_CLIENT_ENABLED = PREFIX + ".http-client.enabled";

	static final String JDBC_ENABLED = PREFIX + ".jdbc.enabled";

	static final String TRACK_BEANS = PREFIX + ".http-client.track-beans";

	/**
	 * More packages (ending with a dot) or classes that are never named as a leak's call
	 * site, added to the built-in list of the JDK, Spring, Jakarta EE, Hibernate,
	 * servers, HTTP clients, pools and JDBC drivers; for example an in-house client
	 * library.
	 */
	private List<String> frameworkFrames = new ArrayList<>();

	private final HttpClient httpClient = new HttpClient();

	private final Jdbc jdbc = new Jdbc();

	public List<String> getFrameworkFrames() {
		return this.frameworkFrames;
	}

	public void setFrameworkFrames(List<String> frameworkFrames) {
		this.frameworkFrames = frameworkFrames;
	}

	public HttpClient getHttpClient() {
		return this.httpClient;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	@Override
	public void afterPropertiesSet() {
		PropertyChecks.requireWithin(PREFIX + ".http-client.sampling", this.httpClient.sampling, 0, true, 1,
				"a share of responses from 0.0 to 1.0, such as 1.0");
		PropertyChecks.requireWithin(PREFIX + ".http-client.capture-budget", this.httpClient.captureBudget, 0, false, 1,
				"a share of one CPU above 0 and at most 1 (no limit), such as 0.01");
		PropertyChecks.requirePositive(PREFIX + ".http-client.max-open-age", this.httpClient.maxOpenAge, "60s");
	}

	/**
	 * Responses of RestClient and RestTemplate.
	 */
	public static class HttpClient {

		/**
		 * Whether to track RestClient and RestTemplate responses and report those never
		 * closed.
		 */
		private boolean enabled = true;

		/**
		 * Whether to track RestTemplate and RestClient beans the application builds
		 * itself (new RestTemplate(), RestClient.create()), not only those built from
		 * Spring Boot's builders.
		 */
		private boolean trackBeans = true;

		/**
		 * Share of responses whose call site (stack) is recorded, 0.0 to 1.0. Every
		 * response is counted; a leak whose stack was not recorded is listed under "(call
		 * site not sampled)".
		 */
		private double sampling = 1.0;

		/**
		 * Share of one CPU that recording call sites may take on average, above 0 and at
		 * most 1 (no limit); a burst is always recorded in full from a reserve, and
		 * responses beyond the budget are counted without a site.
		 */
		private double captureBudget = 0.01;

		/**
		 * How long a response may stay open before it is reported as a suspected leak.
		 */
		private Duration maxOpenAge = Duration.ofSeconds(60);

		/**
		 * Whether to close the underlying response of a wrapper found unreachable and
		 * unclosed, releasing its connection.
		 */
		private boolean closeLeaked = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isTrackBeans() {
			return this.trackBeans;
		}

		public void setTrackBeans(boolean trackBeans) {
			this.trackBeans = trackBeans;
		}

		public double getSampling() {
			return this.sampling;
		}

		public void setSampling(double sampling) {
			this.sampling = sampling;
		}

		public double getCaptureBudget() {
			return this.captureBudget;
		}

		public void setCaptureBudget(double captureBudget) {
			this.captureBudget = captureBudget;
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

	}

	/**
	 * HikariCP connections held past the pool's leak detection threshold.
	 */
	public static class Jdbc {

		/**
		 * Whether to capture HikariCP's leak reports ("Connection leak detection
		 * triggered") from Logback or Log4j2 as the handle.hygiene.leaks counter and the
		 * leaks.jdbc endpoint section.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
