package dev.handlehygiene.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

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
			this.body = new DeadlineBody(this.delegate.getBody(), this.deadline);
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

	/** The body: closing it ends the deadline too. */
	private static final class DeadlineBody extends FilterInputStream {

		private final ReadDeadline deadline;

		DeadlineBody(InputStream in, ReadDeadline deadline) {
			super(in);
			this.deadline = deadline;
		}

		// the bulk reads go straight to the JDK's stream, as they would without the
		// deadline: FilterInputStream would make them loops over read(byte[]) with a
		// buffer of their own

		@Override
		public byte[] readAllBytes() throws IOException {
			return this.in.readAllBytes();
		}

		@Override
		public byte[] readNBytes(int length) throws IOException {
			return this.in.readNBytes(length);
		}

		@Override
		public int readNBytes(byte[] buffer, int offset, int length) throws IOException {
			return this.in.readNBytes(buffer, offset, length);
		}

		@Override
		public long transferTo(OutputStream out) throws IOException {
			return this.in.transferTo(out);
		}

		@Override
		public void close() throws IOException {
			try {
				super.close();
			}
			finally {
				this.deadline.finish();
			}
		}

	}

}
