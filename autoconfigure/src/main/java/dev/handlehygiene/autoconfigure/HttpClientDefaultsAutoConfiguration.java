package dev.handlehygiene.autoconfigure;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The safe default that no Spring Boot property reaches: Apache HttpClient 5's pool lease timeout, applied through
 * Spring Boot's request factory builder. Off with {@code handle-hygiene.defaults.enabled=false} or
 * {@code handle-hygiene.defaults.http-client.enabled=false}.
 */
@AutoConfiguration(after = HandleHygieneAutoConfiguration.class)
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass({ HttpClientBuilder.class, HttpComponentsClientHttpRequestFactoryBuilder.class,
		ClientHttpRequestFactoryBuilderCustomizer.class })
@ConditionalOnBooleanProperty(name = "handle-hygiene.defaults.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "handle-hygiene.defaults.http-client.enabled", matchIfMissing = true)
public class HttpClientDefaultsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PoolLeaseTimeoutCustomizer poolLeaseTimeoutCustomizer(HandleHygieneProperties properties) {
		return new PoolLeaseTimeoutCustomizer(properties.getDefaults().getHttpClient().getPoolLeaseTimeout());
	}

}
