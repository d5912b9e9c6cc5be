package dev.handlehygiene.http;

import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;

import org.jspecify.annotations.Nullable;

/**
 * Builds JDK client factories as Spring Boot's own builder does, except that the read
 * timeout is kept by a {@link ReadDeadlineRequestFactory} around the factory rather than
 * by the factory itself.
 */
final class ReadDeadlineFactoryBuilder implements ClientHttpRequestFactoryBuilder<ClientHttpRequestFactory> {

	private final JdkClientHttpRequestFactoryBuilder jdk;

	private final ReadDeadlineTimer timer;

	ReadDeadlineFactoryBuilder(JdkClientHttpRequestFactoryBuilder jdk, ReadDeadlineTimer timer) {
		this.jdk = jdk;
		this.timer = timer;
	}

	@Override
	public ClientHttpRequestFactory build(@Nullable HttpClientSettings settings) {
		Duration readTimeout = (settings != null) ? settings.readTimeout() : null;
		// zero (or less) is left to Spring, whose meaning for it differs between versions
		// (gh-37232): no deadline of the starter's could keep both
		if (settings == null || readTimeout == null || readTimeout.isZero() || readTimeout.isNegative()) {
			return this.jdk.build(settings);
		}
		return new ReadDeadlineRequestFactory(this.jdk.build(settings.withReadTimeout(null)), readTimeout, this.timer);
	}

	/**
	 * The JDK builder this one builds with.
	 * @return Spring Boot's builder, with every customizer applied to it
	 */
	JdkClientHttpRequestFactoryBuilder jdk() {
		return this.jdk;
	}

}
