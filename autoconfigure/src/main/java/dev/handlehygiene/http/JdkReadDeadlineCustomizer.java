package dev.handlehygiene.http;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * Gives the JDK {@code HttpClient}'s request factories, as Spring Boot builds them for
 * {@code RestClient.Builder}, {@code RestTemplateBuilder}, HTTP service groups and the
 * {@code ClientHttpRequestFactory} bean, the starter's read deadline in place of Spring's
 * own. The read timeout keeps its value and its meaning, whoever set it; only what it
 * costs per call changes. Other clients' builders are returned as they are: their read
 * timeouts cost nothing of the kind.
 * <p>
 * Ordered last, so that every customizer of the JDK builder itself has been applied: the
 * builder returned is no longer a {@link JdkClientHttpRequestFactoryBuilder}, though the
 * factories it builds still hold one.
 */
public class JdkReadDeadlineCustomizer
		implements ClientHttpRequestFactoryBuilderCustomizer<ClientHttpRequestFactoryBuilder<?>>, Ordered {

	@Override
	public ClientHttpRequestFactoryBuilder<?> customize(ClientHttpRequestFactoryBuilder<?> builder) {
		if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			return new ReadDeadlineFactoryBuilder(jdk, ReadDeadlineTimer.shared());
		}
		return builder;
	}

	/**
	 * The builder a client is built with, seen through this customizer: for the builder
	 * it returned in place of Spring Boot's JDK builder, that JDK builder.
	 * @param builder a request factory builder, as the application context holds it
	 * @return the JDK builder it builds with, or the builder itself
	 */
	public static ClientHttpRequestFactoryBuilder<?> builtWith(ClientHttpRequestFactoryBuilder<?> builder) {
		return (builder instanceof ReadDeadlineFactoryBuilder bounded) ? bounded.jdk() : builder;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
