package dev.handlehygiene.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Bounds every call of a JDK {@code HttpClient} request factory that has no read timeout
 * of its own, with the meaning Spring's read timeout gives it (one deadline from sending
 * the request until the body is closed, the same exceptions when it passes), but without
 * its cost: Spring's deadline is a {@code CompletableFuture} whose cancellation, on every
 * call that ends in time, creates three exceptions with the caller's stack.
 */
final class ReadDeadlineRequestFactory implements ClientHttpRequestFactory {

	private final ClientHttpRequestFactory delegate;

	private final Duration readTimeout;

	private final ReadDeadlineTimer timer;

	/**
	 * @param delegate a JDK client factory without a read timeout of its own
	 * @param readTimeout the bound, from sending the request until its body is closed
	 * @param timer the timer that ends calls past it
	 */
	ReadDeadlineRequestFactory(ClientHttpRequestFactory delegate, Duration readTimeout, ReadDeadlineTimer timer) {
		this.delegate = delegate;
		this.readTimeout = readTimeout;
		this.timer = timer;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return new ReadDeadlineRequest(this.delegate.createRequest(uri, httpMethod), this.readTimeout, this.timer);
	}

	/**
	 * The factory this one bounds.
	 * @return the JDK client factory
	 */
	ClientHttpRequestFactory delegate() {
		return this.delegate;
	}

	Duration readTimeout() {
		return this.readTimeout;
	}

}
