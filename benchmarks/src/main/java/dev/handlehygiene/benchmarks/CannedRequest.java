package dev.handlehygiene.benchmarks;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;

/** A GET request that goes nowhere: the tracking is measured without I/O. */
final class CannedRequest implements HttpRequest {

	private final URI uri;

	private final HttpHeaders headers = new HttpHeaders();

	private final Map<String, Object> attributes = new HashMap<>();

	CannedRequest(URI uri) {
		this.uri = uri;
	}

	@Override
	public HttpMethod getMethod() {
		return HttpMethod.GET;
	}

	@Override
	public URI getURI() {
		return this.uri;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

}
