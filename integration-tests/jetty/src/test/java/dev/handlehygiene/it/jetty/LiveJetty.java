package dev.handlehygiene.it.jetty;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Reads the running Jetty itself, not the properties: what the server enforces is what
 * counts.
 */
final class LiveJetty {

	private final Server server;

	private final int port;

	LiveJetty(WebServerApplicationContext context) {
		JettyWebServer webServer = (JettyWebServer) context.getWebServer();
		this.server = webServer.getServer();
		this.port = webServer.getPort();
	}

	int port() {
		return this.port;
	}

	List<Long> connectorIdleTimeoutsMillis() {
		return Arrays.stream(this.server.getConnectors())
			.filter(AbstractConnector.class::isInstance)
			.map((connector) -> ((AbstractConnector) connector).getIdleTimeout())
			.toList();
	}

	/**
	 * The cap Spring Boot installs when {@code server.jetty.max-connections} is set;
	 * {@code null} means unlimited.
	 */
	NetworkConnectionLimit connectionLimit() {
		return this.server.getBean(NetworkConnectionLimit.class);
	}

}
