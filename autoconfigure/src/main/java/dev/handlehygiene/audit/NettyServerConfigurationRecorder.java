package dev.handlehygiene.audit;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerConfig;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the configuration of the Netty server as the factory hands it to
 * {@code NettyWebServer}, which does not expose it. Added to the factory last, it changes
 * nothing and sees what every other customizer applied, Spring Boot's
 * {@code server.netty.*} among them.
 */
public class NettyServerConfigurationRecorder
		implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

	private volatile @Nullable HttpServerConfig configuration;

	@Override
	public void customize(NettyReactiveWebServerFactory factory) {
		// not a NettyServerCustomizer bean: the factory would take those first, before
		// Spring Boot's own
		factory.addServerCustomizers(this::record);
	}

	private HttpServer record(HttpServer server) {
		this.configuration = server.configuration();
		return server;
	}

	/**
	 * After Spring Boot's own factory customizer (order 0), so that the server
	 * customizers it adds run before this one.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The configuration of the last server built.
	 * @return the configuration, {@code null} before a server was built
	 */
	public @Nullable HttpServerConfig configuration() {
		return this.configuration;
	}

}
