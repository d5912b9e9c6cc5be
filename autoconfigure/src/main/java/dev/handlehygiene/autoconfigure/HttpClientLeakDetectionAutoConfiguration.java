package dev.handlehygiene.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;

import dev.handlehygiene.http.ResponseTrackers;
import dev.handlehygiene.http.ResponseTrackingInterceptor;
import dev.handlehygiene.leak.FrameworkFrames;
import dev.handlehygiene.leak.LeakTracker;

/**
 * Tracks every response of a RestClient or RestTemplate, whether built from Spring Boot's
 * builders or by hand as a bean, and reports those never closed. Off with
 * {@code handle-hygiene.leaks.http-client.enabled=false}.
 */
@AutoConfiguration(after = HandleHygieneAutoConfiguration.class)
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass(ClientHttpRequestInterceptor.class)
@ConditionalOnBooleanProperty(name = LeaksProperties.HTTP_CLIENT_ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(LeaksProperties.class)
class HttpClientLeakDetectionAutoConfiguration {

	static final String TRACKER = "httpClientResponseLeakTracker";

	@Bean(TRACKER)
	LeakTracker httpClientResponseLeakTracker(LeaksProperties properties) {
		LeaksProperties.HttpClient leaks = properties.getHttpClient();
		LeakTracker tracker = ResponseTrackers.create(leaks.getSampling(), leaks.getMaxOpenAge(), leaks.isCloseLeaked(),
				leaks.getCaptureBudget(), FrameworkFrames.with(properties.getFrameworkFrames()));
		tracker.addListener(ResponseTrackers.warningLog());
		return tracker;
	}

	// static: a post-processor is created before the other beans, and must not pull the
	// tracker in with it
	@Bean
	@ConditionalOnBooleanProperty(name = LeaksProperties.TRACK_BEANS, matchIfMissing = true)
	static BeanPostProcessor responseTrackingBeanPostProcessor(
			ObjectProvider<ResponseTrackingInterceptor> interceptor) {
		return ResponseTrackers.beanPostProcessor(interceptor::getObject);
	}

	@Bean
	ResponseTrackingInterceptor responseTrackingInterceptor(LeakTracker httpClientResponseLeakTracker) {
		return new ResponseTrackingInterceptor(httpClientResponseLeakTracker);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientCustomizer.class)
	static class RestClientTracking {

		@Bean
		RestClientCustomizer responseTrackingRestClientCustomizer(ResponseTrackingInterceptor interceptor) {
			return (builder) -> builder.requestInterceptor(interceptor);
		}

		@Bean
		RestTemplateCustomizer responseTrackingRestTemplateCustomizer(ResponseTrackingInterceptor interceptor) {
			return (restTemplate) -> restTemplate.getInterceptors().add(interceptor);
		}

	}

}
