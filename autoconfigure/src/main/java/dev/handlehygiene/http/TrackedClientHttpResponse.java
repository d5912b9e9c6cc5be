package dev.handlehygiene.http;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.leak.LeakTracker;
import dev.handlehygiene.leak.Tracked;

/**
 * A {@link ClientHttpResponse} whose closing is tracked. Closing it, or its body, counts
 * as closed; closing twice is harmless. The body stream refers back to this response, so
 * a caller that keeps only the body keeps the response reachable and is not reported
 * while it reads.
 */
final class TrackedClientHttpResponse implements ClientHttpResponse {

	private final ClientHttpResponse delegate;

	private final Tracked tracked;

	private @Nullable InputStream body;

	TrackedClientHttpResponse(ClientHttpResponse delegate, LeakTracker tracker, String description) {
		this.delegate = delegate;
		// the tracker holds the delegate (to close it if this leaks), never this wrapper
		this.tracked = tracker.track(this, delegate, description);
	}

	@Override
	public HttpStatusCode getStatusCode() throws IOException {
		return this.delegate.getStatusCode();
	}

	@Override
	public String getStatusText() throws IOException {
		return this.delegate.getStatusText();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.delegate.getHeaders();
	}

	@Override
	public synchronized InputStream getBody() throws IOException {
		if (this.body == null) {
			// a lambda on this response, not a reference to the tracked handle: the body
			// must keep the response reachable while it is read
			this.body = new SignallingBody(this.delegate.getBody(), () -> this.tracked.close());
		}
		return this.body;
	}

	@Override
	public void close() {
		this.tracked.close();
		this.delegate.close();
	}

}
