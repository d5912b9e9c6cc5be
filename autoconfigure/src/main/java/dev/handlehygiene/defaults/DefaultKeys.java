package dev.handlehygiene.defaults;

/**
 * The name of every property the safe defaults set or read, written once: the defaults,
 * the switches and the audit all take them from here.
 */
public final class DefaultKeys {

	/** The starter's master switch. */
	public static final String STARTER_ENABLED = "handle-hygiene.enabled";

	/** The prefix of the defaults' switches. */
	public static final String DEFAULTS_PREFIX = "handle-hygiene.defaults";

	/** The switch of every safe default. */
	public static final String DEFAULTS_ENABLED = DEFAULTS_PREFIX + ".enabled";

	/** The switch of the server group. */
	public static final String SERVER_ENABLED = DEFAULTS_PREFIX + ".server.enabled";

	/** The switch of the HTTP client group. */
	public static final String HTTP_CLIENT_ENABLED = DEFAULTS_PREFIX + ".http-client.enabled";

	/** The switch of the Hikari group. */
	public static final String HIKARI_ENABLED = DEFAULTS_PREFIX + ".hikari.enabled";

	/** The switch of the probes group. */
	public static final String PROBES_ENABLED = DEFAULTS_PREFIX + ".probes.enabled";

	/**
	 * The starter's own property for what no Spring Boot property reaches: Apache
	 * HttpClient 5's lease wait.
	 */
	public static final String POOL_LEASE_TIMEOUT = DEFAULTS_PREFIX + ".http-client.pool-lease-timeout";

	/**
	 * The starter's own properties for the Reactor Netty pool behind {@code WebClient},
	 * which Spring Boot has none for.
	 */
	public static final String POOL_MAX_IDLE_TIME = DEFAULTS_PREFIX + ".http-client.pool-max-idle-time";

	public static final String POOL_MAX_LIFE_TIME = DEFAULTS_PREFIX + ".http-client.pool-max-life-time";

	public static final String POOL_PENDING_ACQUIRE_TIMEOUT = DEFAULTS_PREFIX
			+ ".http-client.pool-pending-acquire-timeout";

	public static final String POOL_EVICT_IN_BACKGROUND = DEFAULTS_PREFIX + ".http-client.pool-evict-in-background";

	public static final String TOMCAT_CONNECTION_TIMEOUT = "server.tomcat.connection-timeout";

	public static final String TOMCAT_KEEP_ALIVE_TIMEOUT = "server.tomcat.keep-alive-timeout";

	public static final String TOMCAT_MAX_CONNECTIONS = "server.tomcat.max-connections";

	public static final String JETTY_IDLE_TIMEOUT = "server.jetty.connection-idle-timeout";

	public static final String JETTY_MAX_CONNECTIONS = "server.jetty.max-connections";

	public static final String NETTY_IDLE_TIMEOUT = "server.netty.idle-timeout";

	public static final String CLIENT_CONNECT_TIMEOUT = "spring.http.clients.connect-timeout";

	public static final String CLIENT_READ_TIMEOUT = "spring.http.clients.read-timeout";

	/**
	 * Hikari's keys share this prefix; the audit also reads keys the defaults do not set.
	 */
	public static final String HIKARI_PREFIX = "spring.datasource.hikari.";

	public static final String HIKARI_CONNECTION_TIMEOUT = HIKARI_PREFIX + "connection-timeout";

	public static final String HIKARI_LEAK_DETECTION = HIKARI_PREFIX + "leak-detection-threshold";

	public static final String LIVENESS_GROUP = "management.endpoint.health.group.liveness.include";

	private DefaultKeys() {
	}

}
