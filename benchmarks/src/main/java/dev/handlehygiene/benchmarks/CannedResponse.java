package dev.handlehygiene.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A 200 response from memory, empty unless given a body: what is around it is measured
 * without I/O.
 */
public final class CannedResponse implements ClientHttpResponse {

	private static final byte[] EMPTY = new byte[0];

	private final HttpHeaders headers = new HttpHeaders();

	private final byte[] body;

	public CannedResponse() {
		this(EMPTY);
	}

	/**
	 * @param body what every {@link #getBody()} stream reads
	 */
	public CannedResponse(byte[] body) {
		this.body = body;
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatus.OK;
	}

	@Override
	public String getStatusText() {
		return "OK";
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public InputStream getBody() {
		return new ByteArrayInputStream(this.body);
	}

	@Override
	public void close() {
	}

}
