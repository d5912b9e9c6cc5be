package dev.handlehygiene.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.defaults.DefaultKeys;
import dev.handlehygiene.defaults.ReactorNettyPoolCustomizer;

/**
 * The safe defaults that no Spring Boot property reaches on the reactive client: the
 * bounds of the Reactor Netty connection pool behind {@code WebClient}, applied through
 * Spring Boot's connector builder. Off with {@code handle-hygiene.defaults.enabled=false}
 * or the group's own switch.
 */
@AutoConfiguration(after = HandleHygieneAutoConfiguration.class,
		afterName = "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration")
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass(name = { "reactor.netty.resources.ConnectionProvider",
		"org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder",
		"org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer" })
@ConditionalOnBooleanProperty(name = DefaultKeys.DEFAULTS_ENABLED, matchIfMissing = true)
@ConditionalOnBooleanProperty(name = DefaultKeys.HTTP_CLIENT_ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(DefaultsProperties.class)
class ReactorNettyClientDefaultsAutoConfiguration {

	// defined after Spring Boot's own customizer (this class comes after its
	// auto-configuration), so the pool set here
	// replaces the resource factory's while its event loops stay
	@Bean
	@ConditionalOnMissingBean
	ReactorNettyPoolCustomizer reactorNettyPoolCustomizer(DefaultsProperties properties) {
		DefaultsProperties.HttpClient client = properties.getHttpClient();
		return new ReactorNettyPoolCustomizer(new ReactorNettyPoolCustomizer.Settings(client.getPoolMaxIdleTime(),
				client.getPoolMaxLifeTime(), client.getPoolPendingAcquireTimeout(), client.getPoolEvictInBackground()));
	}

}
