package dev.handlehygiene.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/** An empty 200 response that holds nothing: the tracking is measured without I/O. */
final class CannedResponse implements ClientHttpResponse {

	private final HttpHeaders headers = new HttpHeaders();

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
		return new ByteArrayInputStream(new byte[0]);
	}

	@Override
	public void close() {
	}

}
