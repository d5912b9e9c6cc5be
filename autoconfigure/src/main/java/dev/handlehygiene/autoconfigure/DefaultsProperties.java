package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.handlehygiene.defaults.DefaultKeys;
import dev.handlehygiene.defaults.SafeDefaults;

/**
 * The safe defaults' switches, under {@code handle-hygiene.defaults}. The values themselves are the policy in
 * {@link SafeDefaults}; the switches are read before the context starts, by the environment post-processor, and are
 * bound here so that they have metadata and so that the pool lease timeout is checked.
 */
@ConfigurationProperties(DefaultKeys.DEFAULTS_PREFIX)
public class DefaultsProperties implements InitializingBean {

	/**
	 * Whether to add any safe default at all; each group below also has its own switch.
	 */
	private boolean enabled = true;

	private final Server server = new Server();

	private final HttpClient httpClient = new HttpClient();

	private final Hikari hikari = new Hikari();

	private final Probes probes = new Probes();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Server getServer() {
		return this.server;
	}

	public HttpClient getHttpClient() {
		return this.httpClient;
	}

	public Hikari getHikari() {
		return this.hikari;
	}

	public Probes getProbes() {
		return this.probes;
	}

	@Override
	public void afterPropertiesSet() {
		PropertyChecks.requirePositive(DefaultKeys.POOL_LEASE_TIMEOUT, this.httpClient.poolLeaseTimeout, "10s");
		PropertyChecks.requirePositive(DefaultKeys.POOL_MAX_IDLE_TIME, this.httpClient.poolMaxIdleTime, "30s");
		PropertyChecks.requirePositive(DefaultKeys.POOL_MAX_LIFE_TIME, this.httpClient.poolMaxLifeTime, "5m");
		PropertyChecks.requirePositive(DefaultKeys.POOL_PENDING_ACQUIRE_TIMEOUT,
				this.httpClient.poolPendingAcquireTimeout, "10s");
		PropertyChecks.requirePositive(DefaultKeys.POOL_EVICT_IN_BACKGROUND, this.httpClient.poolEvictInBackground,
				"10s");
	}

	/**
	 * Embedded Tomcat and Jetty.
	 */
	public static class Server {

		/**
		 * Whether to bound the embedded server's connection and keep-alive timeouts and cap its connections below
		 * the descriptor limit.
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
	 * RestClient, RestTemplate and their request factories; WebClient and its Reactor Netty connector.
	 */
	public static class HttpClient {

		/**
		 * Whether to bound the HTTP clients' connect and read timeouts, Apache HttpClient 5's pool lease wait and the
		 * Reactor Netty pool's idle time, life time, acquire wait and eviction.
		 */
		private boolean enabled = true;

		/**
		 * How long a call waits to lease a connection from Apache HttpClient 5's pool before it fails, instead of
		 * HttpClient's own 3 minutes, which an unclosed response (it keeps its lease) turns into a hang.
		 */
		private Duration poolLeaseTimeout = SafeDefaults.POOL_LEASE_TIMEOUT;

		/**
		 * How long a connection may stay idle in the Reactor Netty pool behind WebClient before the pool closes it,
		 * instead of never.
		 */
		private Duration poolMaxIdleTime = SafeDefaults.POOL_MAX_IDLE_TIME;

		/**
		 * How long a connection may live in the Reactor Netty pool behind WebClient before the pool closes it,
		 * instead of forever.
		 */
		private Duration poolMaxLifeTime = SafeDefaults.POOL_MAX_LIFE_TIME;

		/**
		 * How long a WebClient call waits for a connection from a full Reactor Netty pool before it fails, instead of
		 * Reactor Netty's 45 seconds.
		 */
		private Duration poolPendingAcquireTimeout = SafeDefaults.POOL_PENDING_ACQUIRE_TIMEOUT;

		/**
		 * How often the Reactor Netty pool behind WebClient closes idle and expired connections in the background,
		 * instead of only when the next call comes.
		 */
		private Duration poolEvictInBackground = SafeDefaults.POOL_EVICT_IN_BACKGROUND;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getPoolLeaseTimeout() {
			return this.poolLeaseTimeout;
		}

		public void setPoolLeaseTimeout(Duration poolLeaseTimeout) {
			this.poolLeaseTimeout = poolLeaseTimeout;
		}

		public Duration getPoolMaxIdleTime() {
			return this.poolMaxIdleTime;
		}

		public void setPoolMaxIdleTime(Duration poolMaxIdleTime) {
			this.poolMaxIdleTime = poolMaxIdleTime;
		}

		public Duration getPoolMaxLifeTime() {
			return this.poolMaxLifeTime;
		}

		public void setPoolMaxLifeTime(Duration poolMaxLifeTime) {
			this.poolMaxLifeTime = poolMaxLifeTime;
		}

		public Duration getPoolPendingAcquireTimeout() {
			return this.poolPendingAcquireTimeout;
		}

		public void setPoolPendingAcquireTimeout(Duration poolPendingAcquireTimeout) {
			this.poolPendingAcquireTimeout = poolPendingAcquireTimeout;
		}

		public Duration getPoolEvictInBackground() {
			return this.poolEvictInBackground;
		}

		public void setPoolEvictInBackground(Duration poolEvictInBackground) {
			this.poolEvictInBackground = poolEvictInBackground;
		}

	}

	/**
	 * HikariCP pools built by Spring Boot.
	 */
	public static class Hikari {

		/**
		 * Whether to shorten Hikari's connection timeout and switch its leak detection on.
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
	 * Kubernetes-style health probes.
	 */
	public static class Probes {

		/**
		 * Whether to put the fileDescriptors indicator into the liveness group, unless the application sets the
		 * group's members itself.
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
