package dev.handlehygiene.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;

import org.jspecify.annotations.Nullable;
import dev.handlehygiene.defaults.DefaultKeys;
import dev.handlehygiene.defaults.PoolLeaseTimeoutCustomizer;
import dev.handlehygiene.http.JdkReadDeadlinePostProcessor;

/**
 * Reads the connect and read timeouts that auto-configured {@code RestClient},
 * {@code RestTemplate} and {@code WebClient} builders apply, from the
 * {@link HttpClientSettings} bean, naming the clients Spring Boot detected, and the pool
 * lease timeout when Apache HttpClient 5 is the client.
 */
class HttpClientSettingsAuditor implements SettingsAuditor {

	/**
	 * Apache HttpClient 5's own lease timeout, in force when the starter's default is
	 * switched off.
	 */
	private static final Duration HTTP_CLIENT_LEASE_TIMEOUT = Duration.ofMinutes(3);

	private final ObjectProvider<HttpClientSettings> settings;

	private final ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder;

	private final ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder;

	private final SettingOrigins origins;

	private final ObjectProvider<PoolLeaseTimeoutCustomizer> leaseTimeout;

	/**
	 * @param settings the auto-configured client settings
	 * @param builder the auto-configured request factory builder, to tell which client is
	 * in use
	 * @param connectorBuilder the auto-configured reactive connector builder, to tell
	 * which client {@code WebClient} uses
	 * @param origins where property values came from
	 * @param leaseTimeout the customizer that applies the starter's lease timeout to
	 * Apache HttpClient 5's pool, where the starter applies one
	 */
	public HttpClientSettingsAuditor(ObjectProvider<HttpClientSettings> settings,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder, SettingOrigins origins,
			ObjectProvider<PoolLeaseTimeoutCustomizer> leaseTimeout) {
		this.settings = settings;
		this.builder = builder;
		this.connectorBuilder = connectorBuilder;
		this.origins = origins;
		this.leaseTimeout = leaseTimeout;
	}

	@Override
	public List<AuditedSetting> audit() {
		HttpClientSettings current = this.settings.getIfAvailable();
		if (current == null) {
			return List.of();
		}
		String object = "HttpClientSettings (" + clientName() + ")";
		List<AuditedSetting> audited = new ArrayList<>();
		audited.add(setting(DefaultKeys.CLIENT_CONNECT_TIMEOUT, current.connectTimeout(), object));
		audited.add(setting(DefaultKeys.CLIENT_READ_TIMEOUT, current.readTimeout(), object));
		if ("HttpComponents".equals(requestFactoryName())) {
			PoolLeaseTimeoutCustomizer applied = this.leaseTimeout.getIfAvailable();
			Duration lease = (applied != null) ? applied.leaseTimeout() : HTTP_CLIENT_LEASE_TIMEOUT;
			String origin = (applied != null) ? this.origins.ofStarterProperty(DefaultKeys.POOL_LEASE_TIMEOUT)
					: SettingOrigins.FRAMEWORK_DEFAULT;
			audited.add(new AuditedSetting(DefaultKeys.POOL_LEASE_TIMEOUT, SettingVerdicts.duration(lease), origin,
					SettingVerdicts.clientTimeout(lease), "Apache HttpClient 5 connection pool"));
		}
		return audited;
	}

	private AuditedSetting setting(String key, @Nullable Duration value, String object) {
		return new AuditedSetting(key, SettingVerdicts.duration(value), this.origins.of(key),
				SettingVerdicts.clientTimeout(value), object);
	}

	private String clientName() {
		List<String> names = new ArrayList<>();
		String requestFactory = requestFactoryName();
		if (requestFactory != null) {
			names.add(requestFactory);
		}
		ClientHttpConnectorBuilder<?> connector = this.connectorBuilder.getIfAvailable();
		if (connector != null) {
			// ReactorClientHttpConnectorBuilder -> Reactor connector (WebClient)
			names.add(connector.getClass().getSimpleName().replace("ClientHttpConnectorBuilder", "")
					+ " connector (WebClient)");
		}
		return names.isEmpty() ? "unknown client" : String.join(", ", names);
	}

	private @Nullable String requestFactoryName() {
		ClientHttpRequestFactoryBuilder<?> current = this.builder.getIfAvailable();
		// HttpComponentsClientHttpRequestFactoryBuilder -> HttpComponents; the JDK
		// builder the starter's read deadline wraps -> Jdk
		return (current != null) ? JdkReadDeadlinePostProcessor.builtWith(current)
			.getClass()
			.getSimpleName()
			.replace("ClientHttpRequestFactoryBuilder", "") : null;
	}

}
