package dev.handlehygiene.http;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Tracks the responses of every {@link RestTemplate} and {@link RestClient} bean,
 * including those the application builds by hand ({@code new RestTemplate()},
 * {@code RestClient.create()}), which Spring Boot's customizers never see. A bean that
 * already has the interceptor, such as one built from Spring Boot's builders, is left as
 * it is, so no response is counted twice. {@code @HttpExchange} clients over such beans
 * are tracked through them.
 */
class ResponseTrackingBeanPostProcessor implements BeanPostProcessor {

	private final Supplier<ResponseTrackingInterceptor> interceptor;

	/**
	 * @param interceptor the interceptor, looked up when the first client bean is
	 * processed, so that this post-processor, created early, does not create the tracker
	 * early
	 */
	ResponseTrackingBeanPostProcessor(Supplier<ResponseTrackingInterceptor> interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		// a scoped or AOP proxy is left alone: its target is a bean of its own, processed
		// when it is created, and
		// asking the proxy for its interceptors would create that target now, outside its
		// scope
		if (AopUtils.isAopProxy(bean)) {
			return bean;
		}
		if (bean instanceof RestTemplate restTemplate) {
			track(restTemplate);
			return restTemplate;
		}
		if (bean instanceof RestClient restClient) {
			return track(restClient);
		}
		return bean;
	}

	private void track(RestTemplate restTemplate) {
		ResponseTrackingInterceptor tracking = this.interceptor.get();
		List<ClientHttpRequestInterceptor> interceptors = restTemplate.getInterceptors();
		if (!interceptors.contains(tracking)) {
			// added to the live list, as Boot's own customizers do: the order the
			// application gave stays, and a
			// request factory cached since reads the same list
			interceptors.add(tracking);
		}
	}

	private RestClient track(RestClient restClient) {
		ResponseTrackingInterceptor tracking = this.interceptor.get();
		RestClient.Builder copy = restClient.mutate();
		if (copy == null) {
			// not a real client (a test double): nothing to track
			return restClient;
		}
		boolean[] tracked = new boolean[1];
		copy.requestInterceptors((interceptors) -> tracked[0] = interceptors.contains(tracking));
		// a RestClient cannot change: a tracked copy stands in for the bean
		return tracked[0] ? restClient : copy.requestInterceptor(tracking).build();
	}

}
