package dev.handlehygiene.audit;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.context.ApplicationContext;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.defaults.DefaultKeys;

/**
 * Reads the timeouts and the connection cap of every connector of the running Tomcat.
 */
class TomcatSettingsAuditor extends ServerSettingsAuditor<TomcatWebServer> {

	public TomcatSettingsAuditor(ApplicationContext context, SettingOrigins origins, FileDescriptorProbe probe) {
		super(TomcatWebServer.class, context, origins, probe);
	}

	@Override
	List<AuditedSetting> audit(TomcatWebServer tomcat) {
		List<AuditedSetting> settings = new ArrayList<>();
		for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
			if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
				// Tomcat quotes the name for JMX
				String object = "Tomcat connector " + protocol.getName().replace("\"", "");
				settings.add(timeout(DefaultKeys.TOMCAT_CONNECTION_TIMEOUT, protocol.getConnectionTimeout(), object));
				settings.add(timeout(DefaultKeys.TOMCAT_KEEP_ALIVE_TIMEOUT, protocol.getKeepAliveTimeout(), object));
				int max = protocol.getMaxConnections();
				settings.add(setting(DefaultKeys.TOMCAT_MAX_CONNECTIONS, String.valueOf(max),
						SettingVerdicts.maxConnections(max, descriptorLimit()), object));
			}
		}
		return settings;
	}

	private AuditedSetting timeout(String key, long millis, String object) {
		return setting(key, SettingVerdicts.millis(millis), SettingVerdicts.timeout(millis), object);
	}

}
