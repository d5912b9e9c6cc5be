package dev.handlehygiene.audit;

import java.util.List;

import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * What every auditor of an embedded server shares: the running server, where each
 * property's value came from, and the descriptor limit its connection cap is judged
 * against.
 */
abstract class ServerSettingsAuditor<S extends WebServer> implements SettingsAuditor {

	private final Class<S> serverType;

	private final ApplicationContext context;

	private final SettingOrigins origins;

	private final FileDescriptorProbe probe;

	ServerSettingsAuditor(Class<S> serverType, ApplicationContext context, SettingOrigins origins,
			FileDescriptorProbe probe) {
		this.serverType = serverType;
		this.context = context;
		this.origins = origins;
		this.probe = probe;
	}

	@Override
	public final List<AuditedSetting> audit() {
		WebServer running = (this.context instanceof WebServerApplicationContext web) ? web.getWebServer() : null;
		return this.serverType.isInstance(running) ? audit(this.serverType.cast(running)) : List.of();
	}

	/**
	 * Reads and judges the running server's settings.
	 * @param server the server, of this auditor's kind
	 * @return the settings
	 */
	abstract List<AuditedSetting> audit(S server);

	/**
	 * The soft descriptor limit, for the connection cap's verdict.
	 * @return the limit, negative when unknown
	 */
	long descriptorLimit() {
		return this.probe.limit();
	}

	AuditedSetting setting(String key, String value, String verdict, String object) {
		return new AuditedSetting(key, value, this.origins.of(key), verdict, object);
	}

}
