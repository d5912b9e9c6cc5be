package dev.handlehygiene.audit;

import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * What every auditor of an embedded server shares: the running server, where each property's value came from, and
 * the descriptor limit its connection cap is judged against.
 */
abstract class ServerSettingsAuditor implements SettingsAuditor {

	private final ApplicationContext context;

	private final SettingOrigins origins;

	private final FileDescriptorProbe probe;

	ServerSettingsAuditor(ApplicationContext context, SettingOrigins origins, FileDescriptorProbe probe) {
		this.context = context;
		this.origins = origins;
		this.probe = probe;
	}

	/**
	 * The server this application runs, if it is a web application that has started one.
	 * @return the server or {@code null}
	 */
	WebServer runningServer() {
		return (this.context instanceof WebServerApplicationContext web) ? web.getWebServer() : null;
	}

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
