package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own meters beyond the descriptor count, under
 * {@code handle-hygiene.metrics}.
 */
@ConfigurationProperties(MetricsProperties.PREFIX)
public class MetricsProperties implements InitializingBean {

	static final String PREFIX = "handle-hygiene.metrics";

	static final String TCP_SOCKETS_ENABLED = PREFIX + ".tcp-sockets.enabled";

	private final TcpSockets tcpSockets = new TcpSockets();

	public TcpSockets getTcpSockets() {
		return this.tcpSockets;
	}

	@Override
	public void afterPropertiesSet() {
		PropertyChecks.requirePositive(PREFIX + ".tcp-sockets.refresh-interval", this.tcpSockets.refreshInterval,
				"10s");
	}

	/**
	 * The gauge handle.hygiene.tcp.sockets, this process's TCP sockets by state.
	 */
	public static class TcpSockets {

		/**
		 * Whether to publish handle.hygiene.tcp.sockets (one gauge per TCP state,
		 * CLOSE_WAIT among them).
		 */
		private boolean enabled = true;

		/**
		 * How long one reading of the TCP sockets is served before the next is taken; a
		 * reading lists every open descriptor, so it is taken at most this often, however
		 * often the gauges are scraped.
		 */
		private Duration refreshInterval = Duration.ofSeconds(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

	}

}
