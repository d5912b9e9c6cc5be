package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

import dev.handlehygiene.defaults.PoolLeaseTimeoutCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HttpClientDefaultsAutoConfiguration} where Apache HttpClient 5 is on the
 * classpath. Tested here rather than in the autoconfigure module, whose tests run without
 * HttpClient 5.
 */
class HttpClientDefaultsAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HandleHygieneAutoConfiguration.class, HttpClientDefaultsAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class));

	@Test
	void boundsThePoolLeaseOfTheRequestFactorySpringBootBuildsToTenSeconds() {
		this.runner.run((context) -> {
			assertThat(context.getBean(PoolLeaseTimeoutCustomizer.class).leaseTimeout())
				.isEqualTo(Duration.ofSeconds(10));
			assertThat(leaseTimeoutMillis(context)).isEqualTo(10_000);
		});
	}

	@Test
	void bindsThePoolLeaseTimeout() {
		this.runner.withPropertyValues("handle-hygiene.defaults.http-client.pool-lease-timeout=3s")
			.run((context) -> assertThat(leaseTimeoutMillis(context)).isEqualTo(3_000));
	}

	@Test
	void backsOffWhenTheUserDefinesTheCustomizer() {
		PoolLeaseTimeoutCustomizer own = new PoolLeaseTimeoutCustomizer(Duration.ofMillis(1500));
		this.runner.withBean(PoolLeaseTimeoutCustomizer.class, () -> own).run((context) -> {
			assertThat(context.getBean(PoolLeaseTimeoutCustomizer.class)).isSameAs(own);
			assertThat(leaseTimeoutMillis(context)).isEqualTo(1_500);
		});
	}

	@Test
	void isDisabledWithTheOtherSafeDefaults() {
		this.runner.withPropertyValues("handle-hygiene.defaults.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PoolLeaseTimeoutCustomizer.class);
			assertThat(leaseTimeoutMillis(context)).isNotEqualTo(10_000);
		});
	}

	@Test
	void isDisabledByTheHttpClientGroupsProperty() {
		this.runner.withPropertyValues("handle-hygiene.defaults.http-client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PoolLeaseTimeoutCustomizer.class)
				.hasSingleBean(ClientHttpRequestFactory.class));
	}

	@Test
	void contributesNothingWhenHandleHygieneIsDisabled() {
		this.runner.withPropertyValues("handle-hygiene.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PoolLeaseTimeoutCustomizer.class)
				.hasSingleBean(ClientHttpRequestFactory.class));
	}

	@Test
	void contributesNothingWithoutApacheHttpClient5() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpClientBuilder.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PoolLeaseTimeoutCustomizer.class));
	}

	private static long leaseTimeoutMillis(AssertableApplicationContext context) {
		ClientHttpRequestFactory factory = context.getBean(ClientHttpRequestFactory.class);
		assertThat(factory).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
		HttpClient client = ((HttpComponentsClientHttpRequestFactory) factory).getHttpClient();
		assertThat(client).isInstanceOf(Configurable.class);
		return ((Configurable) client).getConfig().getConnectionRequestTimeout().toMilliseconds();
	}

}
