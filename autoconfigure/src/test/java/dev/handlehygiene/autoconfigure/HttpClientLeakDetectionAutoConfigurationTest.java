package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import dev.handlehygiene.http.ResponseTrackingInterceptor;
import dev.handlehygiene.leak.LeakTracker;

import static org.assertj.core.api.Assertions.assertThat;

class HttpClientLeakDetectionAutoConfigurationTest {

	/**
	 * The post-processor's type is package-private: its bean name is what this test can
	 * see.
	 */
	private static final String POST_PROCESSOR = "responseTrackingBeanPostProcessor";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HandleHygieneAutoConfiguration.class, HttpClientLeakDetectionAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class));

	@Test
	void tracksResponsesOfBuildersFromSpringBoot() {
		this.runner.run((context) -> {
			ResponseTrackingInterceptor interceptor = context.getBean(ResponseTrackingInterceptor.class);
			assertThat(context.getBean(RestTemplateBuilder.class).build().getInterceptors()).contains(interceptor);
			RestClient.Builder builder = context.getBean(RestClient.Builder.class);
			builder.requestInterceptors((interceptors) -> assertThat(interceptors).contains(interceptor));
			assertThat(context.getBean("httpClientResponseLeakTracker", LeakTracker.class).resource())
				.isEqualTo("http.client.response");
		});
	}

	@Test
	void recordsTheCallSiteOfEveryResponseByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(LeaksProperties.class).getHttpClient().getSampling())
			.isEqualTo(1.0));
	}

	@Test
	void bindsSamplingAndMaxOpenAge() {
		this.runner
			.withPropertyValues("handle-hygiene.leaks.http-client.sampling=0.25",
					"handle-hygiene.leaks.http-client.max-open-age=5s",
					"handle-hygiene.leaks.http-client.close-leaked=false")
			.run((context) -> {
				LeaksProperties.HttpClient leaks = context.getBean(LeaksProperties.class).getHttpClient();
				assertThat(leaks.getSampling()).isEqualTo(0.25);
				assertThat(leaks.getMaxOpenAge()).isEqualTo(Duration.ofSeconds(5));
				assertThat(leaks.isCloseLeaked()).isFalse();
			});
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("handle-hygiene.leaks.http-client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ResponseTrackingInterceptor.class)
				.doesNotHaveBean(LeakTracker.class)
				.doesNotHaveBean("responseTrackingRestClientCustomizer"));
	}

	@Test
	void tracksHandBuiltClientBeansUnlessSwitchedOff() {
		this.runner.withBean("legacy", RestTemplate.class, RestTemplate::new).run((context) -> {
			assertThat(context).hasBean(POST_PROCESSOR);
			assertThat(context.getBean("legacy", RestTemplate.class).getInterceptors())
				.containsExactly(context.getBean(ResponseTrackingInterceptor.class));
		});
		this.runner.withPropertyValues("handle-hygiene.leaks.http-client.track-beans=false")
			.withBean("legacy", RestTemplate.class, RestTemplate::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(POST_PROCESSOR);
				assertThat(context.getBean("legacy", RestTemplate.class).getInterceptors()).isEmpty();
			});
	}

	@Test
	void aClientFromSpringBootsBuilderGetsTheInterceptorOnce() {
		this.runner.run((context) -> {
			RestTemplate built = context.getBean(RestTemplateBuilder.class).build();
			Object processed = context.getBean(POST_PROCESSOR, BeanPostProcessor.class)
				.postProcessAfterInitialization(built, "built");
			assertThat(((RestTemplate) processed).getInterceptors())
				.containsOnlyOnce(context.getBean(ResponseTrackingInterceptor.class));
			RestClient client = context.getBean(RestClient.Builder.class).build();
			assertThat(context.getBean(POST_PROCESSOR, BeanPostProcessor.class)
				.postProcessAfterInitialization(client, "client")).as("already tracked: kept as it is")
				.isSameAs(client);
		});
	}

	@Test
	void noCustomizersWithoutSpringBootsRestClientModule() {
		this.runner.withClassLoader(new FilteredClassLoader(RestClientCustomizer.class))
			.run((context) -> assertThat(context).hasSingleBean(ResponseTrackingInterceptor.class)
				.doesNotHaveBean("responseTrackingRestClientCustomizer"));
	}

}
