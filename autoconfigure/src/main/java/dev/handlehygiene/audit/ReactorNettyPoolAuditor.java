package dev.handlehygiene.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.netty.http.client.HttpClientConfig;
import reactor.netty.resources.ConnectionProvider;

import dev.handlehygiene.defaults.DefaultKeys;
import dev.handlehygiene.defaults.ReactorNettyPoolCustomizer;

/**
 * Reads the Reactor Netty pool behind {@code WebClient} and the response timeout of the
 * {@code HttpClient} built on it. Reactor Netty's pool does not expose its idle time,
 * life time, acquire wait or eviction, so those are the values the starter built the pool
 * with; once a {@code WebClient} is built, the live {@code HttpClient} is checked to use
 * that very pool, and its response timeout is read.
 */
class ReactorNettyPoolAuditor implements SettingsAuditor {

	private static final String CLIENT = "Reactor Netty connection pool (WebClient)";

	private final ReactorNettyPoolCustomizer customizer;

	private final SettingOrigins origins;

	public ReactorNettyPoolAuditor(ReactorNettyPoolCustomizer customizer, SettingOrigins origins) {
		this.customizer = customizer;
		this.origins = origins;
	}

	@Override
	public List<AuditedSetting> audit() {
		HttpClientConfig built = this.customizer.builtConfiguration();
		ConnectionProvider pool = this.customizer.pool();
		if (built != null && built.connectionProvider() != pool) {
			ConnectionProvider live = built.connectionProvider();
			String name = (live != null) ? live.name() : "none";
			return List.of(new AuditedSetting(DefaultKeys.POOL_MAX_IDLE_TIME, null, SettingOrigins.LIVE_OBJECT,
					"unknown: the HttpClient uses pool '" + name + "', not the starter's; its bounds cannot be read",
					CLIENT + " '" + name + "'"));
		}
		// Spring Boot builds the connector with the first WebClient.Builder: until then
		// the pool exists, unused
		String object = CLIENT + " '" + pool.name() + "', max " + pool.maxConnections()
				+ " connections (ConnectionProvider as the starter built it, "
				+ ((built != null) ? "used by the live HttpClient)" : "no WebClient built yet)");
		ReactorNettyPoolCustomizer.Settings settings = this.customizer.settings();
		List<AuditedSetting> audited = new ArrayList<>();
		audited.add(poolSetting(DefaultKeys.POOL_MAX_IDLE_TIME, settings.maxIdleTime(), object));
		audited.add(poolSetting(DefaultKeys.POOL_MAX_LIFE_TIME, settings.maxLifeTime(), object));
		audited.add(poolSetting(DefaultKeys.POOL_PENDING_ACQUIRE_TIMEOUT, settings.pendingAcquireTimeout(), object));
		audited.add(poolSetting(DefaultKeys.POOL_EVICT_IN_BACKGROUND, settings.evictInBackground(), object));
		if (built == null) {
			return audited;
		}
		Duration response = built.responseTimeout();
		audited.add(new AuditedSetting(DefaultKeys.CLIENT_READ_TIMEOUT, SettingVerdicts.duration(response),
				this.origins.of(DefaultKeys.CLIENT_READ_TIMEOUT), SettingVerdicts.clientTimeout(response),
				"Reactor Netty HttpClient (WebClient) response timeout, as built"));
		return audited;
	}

	private AuditedSetting poolSetting(String key, Duration value, String object) {
		return new AuditedSetting(key, SettingVerdicts.duration(value), this.origins.ofStarterProperty(key),
				SettingVerdicts.clientTimeout(value), object);
	}

}
