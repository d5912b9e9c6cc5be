package dev.handlehygiene.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * One request under a {@link ReadDeadline}: everything but {@link #execute()} is the JDK
 * client's request as it is, a streamed body included.
 */
final class ReadDeadlineRequest implements ClientHttpRequest, StreamingHttpOutputMessage {

	private final ClientHttpRequest delegate;

	private final Duration readTimeout;

	private final ReadDeadlineTimer timer;

	ReadDeadlineRequest(ClientHttpRequest delegate, Duration readTimeout, ReadDeadlineTimer timer) {
		this.delegate = delegate;
		this.readTimeout = readTimeout;
		this.timer = timer;
	}

	@Override
	public ClientHttpResponse execute() throws IOException {
		ReadDeadline deadline = ReadDeadline.start(this.timer, this.readTimeout);
		ClientHttpResponse response;
		InputStream body;
		try {
			response = this.delegate.execute();
		}
		catch (Throwable ex) {
			// an Error too: a deadline left armed would interrupt whatever the thread
			// does next
			deadline.finish();
			if (deadline.expiredWaiting()) {
				throw timedOut();
			}
			throw ex;
		}
		try {
			body = response.getBody();
		}
		catch (Throwable ex) {
			deadline.finish();
			if (deadline.expiredWaiting()) {
				Thread.interrupted();
			}
			response.close();
			throw ex;
		}
		if (!deadline.responseArrived(body)) {
			// it passed between the response's arrival and here
			deadline.finish();
			body.close();
			response.close();
			throw timedOut();
		}
		return new ReadDeadlineResponse(response, deadline);
	}

	@Override
	public void setBody(Body body) {
		if (this.delegate instanceof StreamingHttpOutputMessage streaming) {
			// streamed as the JDK client streams it, not buffered here
			streaming.setBody(body);
			return;
		}
		try {
			body.writeTo(this.delegate.getBody());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The exception Spring's own read timeout raises while the caller waits for the
	 * response, which {@code RestClient} and {@code RestTemplate} turn into a
	 * {@code ResourceAccessException}, and like it without a cause: the deadline ended
	 * the wait by interrupting the caller, and what that interrupt raised inside the JDK
	 * client says nothing the message does not. The interrupt was this deadline's, not
	 * the application's, so it is cleared.
	 */
	private HttpTimeoutException timedOut() {
		Thread.interrupted();
		return new HttpTimeoutException(
				"request timed out: no response within the read timeout of " + this.readTimeout);
	}

	@Override
	public OutputStream getBody() throws IOException {
		return this.delegate.getBody();
	}

	@Override
	public HttpMethod getMethod() {
		return this.delegate.getMethod();
	}

	@Override
	public URI getURI() {
		return this.delegate.getURI();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.delegate.getHeaders();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.delegate.getAttributes();
	}

}
