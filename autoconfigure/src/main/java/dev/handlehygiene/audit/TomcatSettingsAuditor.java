package dev.handlehygiene.audit;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.defaults.DefaultKeys;

/**
 * Reads the timeouts and the connection cap of every connector of the running Tomcat.
 */
public class TomcatSettingsAuditor implements SettingsAuditor {

	private final ApplicationContext context;

	private final SettingOrigins origins;

	private final FileDescriptorProbe probe;

	public TomcatSettingsAuditor(ApplicationContext context, SettingOrigins origins, FileDescriptorProbe probe) {
		this.context = context;
		this.origins = origins;
		this.probe = probe;
	}

	@Override
	public List<AuditedSetting> audit() {
		if (!(runningServer() instanceof TomcatWebServer tomcat)) {
			return List.of();
		}
		List<AuditedSetting> settings = new ArrayList<>();
		for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
			if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
				// Tomcat quotes the name for JMX
				String object = "Tomcat connector " + protocol.getName().replace("\"", "");
				settings.add(timeout(DefaultKeys.TOMCAT_CONNECTION_TIMEOUT, protocol.getConnectionTimeout(), object));
				settings.add(timeout(DefaultKeys.TOMCAT_KEEP_ALIVE_TIMEOUT, protocol.getKeepAliveTimeout(), object));
				int max = protocol.getMaxConnections();
				settings.add(setting(DefaultKeys.TOMCAT_MAX_CONNECTIONS, String.valueOf(max),
						SettingVerdicts.maxConnections(max, this.probe.limit()), object));
			}
		}
		return settings;
	}

	private AuditedSetting timeout(String key, long millis, String object) {
		return setting(key, SettingVerdicts.millis(millis), SettingVerdicts.timeout(millis), object);
	}

	private AuditedSetting setting(String key, String value, String verdict, String object) {
		return new AuditedSetting(key, value, this.origins.of(key), verdict, object);
	}

	private WebServer runningServer() {
		return (this.context instanceof WebServerApplicationContext web) ? web.getWebServer() : null;
	}

}
