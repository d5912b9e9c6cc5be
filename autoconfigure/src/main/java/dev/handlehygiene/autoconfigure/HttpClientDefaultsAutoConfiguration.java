package dev.handlehygiene.autoconfigure;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.handlehygiene.defaults.DefaultKeys;
import dev.handlehygiene.defaults.PoolLeaseTimeoutCustomizer;
import dev.handlehygiene.http.JdkReadDeadlinePostProcessor;

/**
 * What no Spring Boot property reaches, applied through Spring Boot's request factory
 * builder: the JDK client's read timeout kept by the starter's own deadline, which costs
 * no exception per call, and Apache HttpClient 5's pool lease timeout. Off with
 * {@code handle-hygiene.defaults.enabled=false} or the group's own switch.
 */
@AutoConfiguration(after = HandleHygieneAutoConfiguration.class)
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass(ClientHttpRequestFactoryBuilderCustomizer.class)
@ConditionalOnBooleanProperty(name = DefaultKeys.DEFAULTS_ENABLED, matchIfMissing = true)
@ConditionalOnBooleanProperty(name = DefaultKeys.HTTP_CLIENT_ENABLED, matchIfMissing = true)
class HttpClientDefaultsAutoConfiguration {

	// static: a post-processor is created before the other beans, and needs none of them
	@Bean
	static JdkReadDeadlinePostProcessor jdkReadDeadlinePostProcessor() {
		return new JdkReadDeadlinePostProcessor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpClientBuilder.class, HttpComponentsClientHttpRequestFactoryBuilder.class })
	@EnableConfigurationProperties(DefaultsProperties.class)
	static class HttpComponentsPoolDefaults {

		@Bean
		@ConditionalOnMissingBean
		PoolLeaseTimeoutCustomizer poolLeaseTimeoutCustomizer(DefaultsProperties properties) {
			return new PoolLeaseTimeoutCustomizer(properties.getHttpClient().getPoolLeaseTimeout());
		}

	}

}
