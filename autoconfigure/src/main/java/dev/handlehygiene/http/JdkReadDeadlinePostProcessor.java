package dev.handlehygiene.http;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;

/**
 * Gives the JDK {@code HttpClient}'s request factories, as Spring Boot builds them for
 * {@code RestClient.Builder}, {@code RestTemplateBuilder}, HTTP service groups and the
 * {@code ClientHttpRequestFactory} bean, the starter's read deadline in place of Spring's
 * own. The read timeout keeps its value and its meaning, whoever set it; only what it
 * costs per call changes. Other clients' builders are left as they are: their read
 * timeouts cost nothing of the kind.
 * <p>
 * A post-processor of the finished {@code ClientHttpRequestFactoryBuilder} bean rather
 * than one of Spring Boot's builder customizers: Spring Boot hands every customizer typed
 * on {@link JdkClientHttpRequestFactoryBuilder} the builder the customizer before it
 * returned, so one that ran after a customizer returning another type would fail.
 */
public class JdkReadDeadlinePostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof ClientHttpRequestFactoryBuilder<?> builder) ? bounded(builder) : bean;
	}

	/**
	 * The builder that gives a JDK factory the starter's read deadline.
	 * @param builder a request factory builder
	 * @return for Spring Boot's JDK builder, one that builds with it and bounds each call
	 * itself; any other builder as it is
	 */
	public static ClientHttpRequestFactoryBuilder<?> bounded(ClientHttpRequestFactoryBuilder<?> builder) {
		if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			return new ReadDeadlineFactoryBuilder(jdk, ReadDeadlineTimer.shared());
		}
		return builder;
	}

	/**
	 * The builder a client is built with, seen through this post-processor: for the
	 * builder it put in place of Spring Boot's JDK builder, that JDK builder.
	 * @param builder a request factory builder, as the application context holds it
	 * @return the JDK builder it builds with, or the builder itself
	 */
	public static ClientHttpRequestFactoryBuilder<?> builtWith(ClientHttpRequestFactoryBuilder<?> builder) {
		return (builder instanceof ReadDeadlineFactoryBuilder bounded) ? bounded.jdk() : builder;
	}

}
