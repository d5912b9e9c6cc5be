package dev.handlehygiene.defaults;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The safe defaults: bounded waits everywhere a descriptor can be pinned, connection
 * limits that leave the server room under the descriptor limit, Hikari leak detection on,
 * and {@code fileDescriptors} in the liveness group.
 */
public final class SafeDefaults {

	/**
	 * The name of the property source the defaults are added as, last, so that anything
	 * the application sets wins.
	 */
	public static final String PROPERTY_SOURCE_NAME = "handleHygieneDefaults";

	/**
	 * How long a call waits to lease a pooled Apache HttpClient 5 connection;
	 * HttpClient's own 3 minutes turn an unclosed response (it keeps its lease) into a
	 * hang of every later call.
	 */
	public static final Duration POOL_LEASE_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How long a pooled Reactor Netty connection may stay idle: closed by the pool before
	 * common load-balancer idle timeouts (60 s) close it under a request, instead of
	 * never.
	 */
	public static final Duration POOL_MAX_IDLE_TIME = Duration.ofSeconds(30);

	/**
	 * How long a pooled Reactor Netty connection may live: renewed, so a moved or
	 * rebalanced upstream is followed.
	 */
	public static final Duration POOL_MAX_LIFE_TIME = Duration.ofMinutes(5);

	/**
	 * How long a call waits for a connection from a full Reactor Netty pool: as the
	 * HttpClient 5 lease, not 45 s.
	 */
	public static final Duration POOL_PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How often the Reactor Netty pool closes idle and expired connections itself;
	 * without it they are closed only when the next call to the same upstream comes.
	 */
	public static final Duration POOL_EVICT_IN_BACKGROUND = Duration.ofSeconds(10);

	/** Tomcat's own cap; never go above it, whatever the descriptor limit. */
	private static final long MAX_CONNECTIONS_CAP = 8192;

	/**
	 * The groups, each with its own switch
	 * {@code handle-hygiene.defaults.<name>.enabled}.
	 */
	public enum Group {

		SERVER(DefaultKeys.SERVER_ENABLED), HTTP_CLIENT(DefaultKeys.HTTP_CLIENT_ENABLED),
		HIKARI(DefaultKeys.HIKARI_ENABLED), PROBES(DefaultKeys.PROBES_ENABLED);

		private final String switchProperty;

		Group(String switchProperty) {
			this.switchProperty = switchProperty;
		}

		/**
		 * The property that switches this group.
		 * @return for example {@code handle-hygiene.defaults.http-client.enabled}
		 */
		public String switchProperty() {
			return this.switchProperty;
		}

	}

	private SafeDefaults() {
	}

	/**
	 * The defaults of the given groups.
	 * @param groups the groups switched on
	 * @param softDescriptorLimit the soft descriptor limit at start-up, or a negative
	 * number when unknown (then no connection limit is set)
	 * @param alreadySet whether the application sets a key; only the liveness group,
	 * which replaces rather than adds to Spring Boot's own group, is left out when it is
	 * set
	 * @return the keys and values, in a stable order
	 */
	public static Map<String, String> of(Set<Group> groups, long softDescriptorLimit, Predicate<String> alreadySet) {
		Map<String, String> defaults = new LinkedHashMap<>();
		if (groups.contains(Group.SERVER)) {
			// bounded wait for the request line: a slow or idle client gives its socket
			// back
			defaults.put(DefaultKeys.TOMCAT_CONNECTION_TIMEOUT, "10s");
			// longer than common load-balancer idle timeouts (60 s), still bounded
			defaults.put(DefaultKeys.TOMCAT_KEEP_ALIVE_TIMEOUT, "100s");
			defaults.put(DefaultKeys.JETTY_IDLE_TIMEOUT, "30s");
			// one timeout for an idle new and an idle keep-alive connection: above load
			// balancers' 60 s, as Tomcat's
			defaults.put(DefaultKeys.NETTY_IDLE_TIMEOUT, "100s");
			if (softDescriptorLimit > 0) {
				// the server alone cannot take more than half of the descriptor table
				String maxConnections = String.valueOf(Math.min(MAX_CONNECTIONS_CAP, softDescriptorLimit / 2));
				defaults.put(DefaultKeys.TOMCAT_MAX_CONNECTIONS, maxConnections);
				defaults.put(DefaultKeys.JETTY_MAX_CONNECTIONS, maxConnections);
			}
		}
		if (groups.contains(Group.HTTP_CLIENT)) {
			defaults.put(DefaultKeys.CLIENT_CONNECT_TIMEOUT, "5s");
			// a hung upstream cannot pin a socket forever
			defaults.put(DefaultKeys.CLIENT_READ_TIMEOUT, "30s");
		}
		if (groups.contains(Group.HIKARI)) {
			// fail fast when the pool is exhausted (a leak) instead of queueing for 30 s
			defaults.put(DefaultKeys.HIKARI_CONNECTION_TIMEOUT, "10000");
			// HikariCP's maintainer advises 1 to 2 minutes to avoid false positives
			defaults.put(DefaultKeys.HIKARI_LEAK_DETECTION, "60000");
		}
		if (groups.contains(Group.PROBES) && !alreadySet.test(DefaultKeys.LIVENESS_GROUP)) {
			// descriptor exhaustion is a reason to restart; external systems are not
			defaults.put(DefaultKeys.LIVENESS_GROUP, "livenessState,fileDescriptors");
		}
		return defaults;
	}

	/**
	 * All groups.
	 * @return a new, modifiable set of every group
	 */
	public static Set<Group> allGroups() {
		return EnumSet.allOf(Group.class);
	}

}
