package dev.handlehygiene.audit;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.context.ApplicationContext;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.defaults.DefaultKeys;

/**
 * Reads the idle timeout of every connector of the running Jetty, and its connection cap
 * (a {@link NetworkConnectionLimit} on the server; none means unlimited).
 */
class JettySettingsAuditor extends ServerSettingsAuditor<JettyWebServer> {

	public JettySettingsAuditor(ApplicationContext context, SettingOrigins origins, FileDescriptorProbe probe) {
		super(JettyWebServer.class, context, origins, probe);
	}

	@Override
	List<AuditedSetting> audit(JettyWebServer jetty) {
		Server server = jetty.getServer();
		List<AuditedSetting> settings = new ArrayList<>();
		for (Connector connector : server.getConnectors()) {
			if (connector instanceof AbstractConnector network) {
				String object = "Jetty connector " + network.getName();
				long idle = network.getIdleTimeout();
				settings.add(setting(DefaultKeys.JETTY_IDLE_TIMEOUT, SettingVerdicts.millis(idle),
						SettingVerdicts.timeout(idle), object));
			}
		}
		NetworkConnectionLimit limit = server.getBean(NetworkConnectionLimit.class);
		int max = (limit != null) ? limit.getMaxNetworkConnectionCount() : -1;
		settings.add(setting(DefaultKeys.JETTY_MAX_CONNECTIONS, String.valueOf(max),
				SettingVerdicts.maxConnections(max, descriptorLimit()), "Jetty server"));
		return settings;
	}

}
