package dev.handlehygiene.autoconfigure;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.defaults.DefaultKeys;
import dev.handlehygiene.defaults.PoolLeaseTimeoutCustomizer;

/**
 * The safe default that no Spring Boot property reaches: Apache HttpClient 5's pool lease
 * timeout, applied through Spring Boot's request factory builder. Off with
 * {@code handle-hygiene.defaults.enabled=false} or the group's own switch.
 */
@AutoConfiguration(after = HandleHygieneAutoConfiguration.class)
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass({ HttpClientBuilder.class, HttpComponentsClientHttpRequestFactoryBuilder.class,
		ClientHttpRequestFactoryBuilderCustomizer.class })
@ConditionalOnBooleanProperty(name = DefaultKeys.DEFAULTS_ENABLED, matchIfMissing = true)
@ConditionalOnBooleanProperty(name = DefaultKeys.HTTP_CLIENT_ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(DefaultsProperties.class)
class HttpClientDefaultsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PoolLeaseTimeoutCustomizer poolLeaseTimeoutCustomizer(DefaultsProperties properties) {
		return new PoolLeaseTimeoutCustomizer(properties.getHttpClient().getPoolLeaseTimeout());
	}

}
