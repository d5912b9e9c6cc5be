package dev.handlehygiene.audit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.context.ApplicationContext;

import reactor.netty.http.server.HttpServerConfig;

import dev.handlehygiene.defaults.DefaultKeys;
import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * Reads the idle timeout of the running Netty server from the configuration it was bound
 * with: how long a connection may wait for its first or next request before the server
 * closes it. Unset means never.
 */
class NettySettingsAuditor extends ServerSettingsAuditor<NettyWebServer> {

	private final NettyServerConfigurationRecorder recorder;

	public NettySettingsAuditor(ApplicationContext context, SettingOrigins origins, FileDescriptorProbe probe,
			NettyServerConfigurationRecorder recorder) {
		super(NettyWebServer.class, context, origins, probe);
		this.recorder = recorder;
	}

	@Override
	List<AuditedSetting> audit(NettyWebServer netty) {
		HttpServerConfig configuration = this.recorder.configuration();
		if (configuration == null) {
			return List.of(new AuditedSetting(DefaultKeys.NETTY_IDLE_TIMEOUT, null, SettingOrigins.LIVE_OBJECT,
					"unknown: the server was not built by a NettyReactiveWebServerFactory of this context",
					"Netty server on port " + netty.getPort()));
		}
		Duration idle = configuration.idleTimeout();
		long millis = (idle != null) ? idle.toMillis() : -1;
		return List
			.of(setting(DefaultKeys.NETTY_IDLE_TIMEOUT, SettingVerdicts.duration(idle), SettingVerdicts.timeout(millis),
					"Netty server on port " + netty.getPort() + " (HttpServerConfig as bound)"));
	}

}
