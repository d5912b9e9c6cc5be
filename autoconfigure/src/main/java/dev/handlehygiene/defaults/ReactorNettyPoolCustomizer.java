package dev.handlehygiene.defaults;

import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientConfig;
import reactor.netty.resources.ConnectionProvider;

import org.jspecify.annotations.Nullable;

/**
 * Gives the Reactor Netty {@code HttpClient} behind Spring Boot's connector builder (and
 * so the auto-configured {@code WebClient.Builder}) a connection pool with bounds:
 * Reactor Netty's own pool keeps idle connections without limit of time, never renews
 * them, and evicts nothing in the background. Spring Boot's own customizer, which runs
 * before this one, keeps its event loops; only the pool is replaced.
 */
public class ReactorNettyPoolCustomizer
		implements ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder>, DisposableBean {

	/** The name of the pool, as Reactor Netty's logs and metrics show it. */
	public static final String POOL_NAME = "handle-hygiene";

	private final Settings settings;

	private final ConnectionProvider pool;

	private volatile @Nullable HttpClientConfig built;

	public ReactorNettyPoolCustomizer(Settings settings) {
		this.settings = settings;
		this.pool = ConnectionProvider.builder(POOL_NAME)
			.maxIdleTime(settings.maxIdleTime())
			.maxLifeTime(settings.maxLifeTime())
			.pendingAcquireTimeout(settings.pendingAcquireTimeout())
			.evictInBackground(settings.evictInBackground())
			.build();
	}

	@Override
	public ReactorClientHttpConnectorBuilder customize(ReactorClientHttpConnectorBuilder builder) {
		return builder.withHttpClientFactory(() -> HttpClient.create(this.pool)).withHttpClientCustomizer(this::record);
	}

	// applied last, after Spring Boot set the timeouts: the configuration as the
	// connector gets it
	private HttpClient record(HttpClient client) {
		this.built = client.configuration();
		return client;
	}

	/**
	 * The bounds this customizer gave its pool, for the audit: Reactor Netty's pool does
	 * not expose them.
	 * @return the settings
	 */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * The pool this customizer built.
	 * @return the connection provider
	 */
	public ConnectionProvider pool() {
		return this.pool;
	}

	/**
	 * The configuration of the last {@code HttpClient} built through the customized
	 * builder.
	 * @return the configuration, {@code null} before any client was built
	 */
	public @Nullable HttpClientConfig builtConfiguration() {
		return this.built;
	}

	@Override
	public void destroy() {
		this.pool.dispose();
	}

	/**
	 * The bounds the starter gives the Reactor Netty connection pool behind
	 * {@code WebClient}.
	 *
	 * @param maxIdleTime how long a pooled connection may stay idle before the pool
	 * closes it
	 * @param maxLifeTime how long a pooled connection may live at all
	 * @param pendingAcquireTimeout how long a call waits for a connection when the pool
	 * is full
	 * @param evictInBackground how often the pool closes idle or expired connections
	 * without waiting for the next call
	 */
	public record Settings(Duration maxIdleTime, Duration maxLifeTime, Duration pendingAcquireTimeout,
			Duration evictInBackground) {

	}

}
