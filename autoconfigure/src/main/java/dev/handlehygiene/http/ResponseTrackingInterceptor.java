package dev.handlehygiene.http;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import dev.handlehygiene.leak.LeakTracker;

/**
 * Hands every response out in a tracked wrapper, so that one dropped without
 * {@code close()} is counted, reported with its call site, and (optionally) closed once
 * unreachable. Responses consumed by {@code retrieve()} are closed by Spring and never
 * reported.
 */
public class ResponseTrackingInterceptor implements ClientHttpRequestInterceptor {

	/** The resource name of HTTP client responses, in reports and meters. */
	public static final String RESOURCE = "http.client.response";

	private final LeakTracker tracker;

	public ResponseTrackingInterceptor(LeakTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		if (response instanceof TrackedClientHttpResponse) {
			// tracked further in already: a client built over another tracked client's
			// request factory
			return response;
		}
		return new TrackedClientHttpResponse(response, this.tracker, describe(request));
	}

	/**
	 * The request as reports name it: method, host and path, without the query, which may
	 * carry secrets.
	 * @param request the request
	 * @return for example {@code GET 127.0.0.1:8081/orders}
	 */
	static String describe(HttpRequest request) {
		URI uri = request.getURI();
		String authority = (uri.getPort() >= 0) ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
		String path = (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) ? uri.getRawPath() : "/";
		return request.getMethod().name() + " " + authority + path;
	}

}
