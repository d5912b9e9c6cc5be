package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.handlehygiene.defaults.DefaultKeys;
import dev.handlehygiene.defaults.SafeDefaults;

/**
 * The safe defaults' own values for what no Spring Boot property reaches, under
 * {@code handle-hygiene.defaults}: the pool bounds of Apache HttpClient 5 and Reactor
 * Netty, checked here once. The defaults' switches are not bound here: the environment
 * post-processor reads them before the context starts, and their metadata is in
 * {@code additional-spring-configuration-metadata.json}.
 */
@ConfigurationProperties(DefaultKeys.DEFAULTS_PREFIX)
public class DefaultsProperties implements InitializingBean {

	private final HttpClient httpClient = new HttpClient();

	public HttpClient getHttpClient() {
		return this.httpClient;
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
	 * The connection pools behind the HTTP clients: Apache HttpClient 5's and WebClient's
	 * Reactor Netty pool.
	 */
	public static class HttpClient {

		/**
		 * How long a call waits to lease a connection from Apache HttpClient 5's pool
		 * before it fails, instead of HttpClient's own 3 minutes, which an unclosed
		 * response (it keeps its lease) turns into a hang.
		 */
		private Duration poolLeaseTimeout = SafeDefaults.POOL_LEASE_TIMEOUT;

		/**
		 * How long a connection may stay idle in the Reactor Netty pool behind WebClient
		 * before the pool closes it, instead of never.
		 */
		private Duration poolMaxIdleTime = SafeDefaults.POOL_MAX_IDLE_TIME;

		/**
		 * How long a connection may live in the Reactor Netty pool behind WebClient
		 * before the pool closes it, instead of forever.
		 */
		private Duration poolMaxLifeTime = SafeDefaults.POOL_MAX_LIFE_TIME;

		/**
		 * How long a WebClient call waits for a connection from a full Reactor Netty pool
		 * before it fails, instead of Reactor Netty's 45 seconds.
		 */
		private Duration poolPendingAcquireTimeout = SafeDefaults.POOL_PENDING_ACQUIRE_TIMEOUT;

		/**
		 * How often the Reactor Netty pool behind WebClient closes idle and expired
		 * connections in the background, instead of only when the next call comes.
		 */
		private Duration poolEvictInBackground = SafeDefaults.POOL_EVICT_IN_BACKGROUND;

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

}
