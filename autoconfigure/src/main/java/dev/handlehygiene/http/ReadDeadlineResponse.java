package dev.handlehygiene.http;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

import org.jspecify.annotations.Nullable;

/**
 * A response whose {@link ReadDeadline} ends once it, or its body, is closed. Closing
 * drains the body first, as Spring's JDK response does, still under the deadline, so a
 * stalled body cannot hold {@code close()} for ever.
 */
final class ReadDeadlineResponse implements ClientHttpResponse {

	private final ClientHttpResponse delegate;

	private final ReadDeadline deadline;

	private @Nullable InputStream body;

	ReadDeadlineResponse(ClientHttpResponse delegate, ReadDeadline deadline) {
		this.delegate = delegate;
		this.deadline = deadline;
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
			this.body = new SignallingBody(this.delegate.getBody(), this.deadline::finish);
		}
		return this.body;
	}

	@Override
	public void close() {
		try {
			this.delegate.close();
		}
		finally {
			this.deadline.finish();
		}
	}

}
