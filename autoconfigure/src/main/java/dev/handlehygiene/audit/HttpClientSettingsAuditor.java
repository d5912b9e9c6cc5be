package dev.handlehygiene.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import dev.handlehygiene.defaults.DefaultKeys;

/**
 * Reads the connect and read timeouts that auto-configured {@code RestClient} and {@code RestTemplate} builders
 * apply, from the {@link HttpClientSettings} bean, and the pool lease timeout when Apache HttpClient 5 is the client.
 */
public class HttpClientSettingsAuditor implements SettingsAuditor {

	/** Apache HttpClient 5's own lease timeout, in force when the starter's default is switched off. */
	private static final Duration HTTP_CLIENT_LEASE_TIMEOUT = Duration.ofMinutes(3);

	private final ObjectProvider<HttpClientSettings> settings;

	private final ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder;

	private final SettingOrigins origins;

	private final Duration poolLeaseTimeout;

	/**
	 * @param settings the auto-configured client settings
	 * @param builder the auto-configured request factory builder, to tell which client is in use
	 * @param origins where property values came from
	 * @param poolLeaseTimeout the lease timeout applied to Apache HttpClient 5's pool, or {@code null} where the
	 * starter does not apply one
	 */
	public HttpClientSettingsAuditor(ObjectProvider<HttpClientSettings> settings,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder, SettingOrigins origins,
			Duration poolLeaseTimeout) {
		this.settings = settings;
		this.builder = builder;
		this.origins = origins;
		this.poolLeaseTimeout = poolLeaseTimeout;
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
		if ("HttpComponents".equals(clientName())) {
			Duration lease = (this.poolLeaseTimeout != null) ? this.poolLeaseTimeout : HTTP_CLIENT_LEASE_TIMEOUT;
			audited.add(new AuditedSetting(DefaultKeys.POOL_LEASE_TIMEOUT, SettingVerdicts.duration(lease), leaseTimeoutOrigin(),
					SettingVerdicts.clientTimeout(lease), "Apache HttpClient 5 connection pool"));
		}
		return audited;
	}

	private AuditedSetting setting(String key, Duration value, String object) {
		return new AuditedSetting(key, SettingVerdicts.duration(value), this.origins.of(key),
				SettingVerdicts.clientTimeout(value), object);
	}

	private String leaseTimeoutOrigin() {
		if (this.poolLeaseTimeout == null) {
			return SettingOrigins.FRAMEWORK_DEFAULT;
		}
		// the starter's own property: when nobody set it, its default is the starter's
		String origin = this.origins.of(DefaultKeys.POOL_LEASE_TIMEOUT);
		return SettingOrigins.FRAMEWORK_DEFAULT.equals(origin) ? SettingOrigins.HANDLE_HYGIENE_DEFAULT : origin;
	}

	private String clientName() {
		ClientHttpRequestFactoryBuilder<?> current = this.builder.getIfAvailable();
		if (current == null) {
			return "unknown client";
		}
		// HttpComponentsClientHttpRequestFactoryBuilder -> HttpComponents
		return current.getClass().getSimpleName().replace("ClientHttpRequestFactoryBuilder", "");
	}

}
