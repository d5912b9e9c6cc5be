package dev.handlehygiene.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

import dev.handlehygiene.benchmarks.CannedResponse;

/**
 * What a read bound adds to one call, without I/O: a request that answers at once, its
 * body read and the response closed, bare ({@code none}), under the starter's deadline
 * ({@code starter}), and under a deadline made as Spring Framework's JDK client makes its
 * own ({@code completable-future}: {@code completeOnTimeout} plus a dependent stage,
 * cancelled on close), for scale. {@code callerFrames} nests the call as deep as a web
 * request thread, since the exceptions a cancelled future builds carry the whole stack.
 * In the package of the classes it measures, which are not public.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ReadDeadlineBenchmark {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private static final byte[] BODY = "ok".getBytes();

	@Param({ "none", "starter", "completable-future" })
	String bound;

	@Param({ "0", "100" })
	int callerFrames;

	private ClientHttpRequestFactory factory;

	private final URI uri = URI.create("http://127.0.0.1/canned");

	@Setup
	public void setUp() {
		ClientHttpRequestFactory canned = (uri, method) -> new CannedRequest(uri, method);
		this.factory = switch (this.bound) {
			case "none" -> canned;
			case "starter" -> new ReadDeadlineRequestFactory(canned, READ_TIMEOUT, ReadDeadlineTimer.shared());
			case "completable-future" -> (uri, method) -> new FutureBoundRequest(canned.createRequest(uri, method));
			default -> throw new IllegalArgumentException(this.bound);
		};
	}

	@Benchmark
	public int callReadAndClose() throws IOException {
		return nested(this.callerFrames);
	}

	private int nested(int frames) throws IOException {
		if (frames > 0) {
			return nested(frames - 1);
		}
		try (ClientHttpResponse response = this.factory.createRequest(this.uri, HttpMethod.GET).execute()) {
			InputStream body = response.getBody();
			int read = body.readAllBytes().length;
			body.close();
			return read;
		}
	}

	/** A request answered at once with a two-byte body. */
	private static final class CannedRequest implements ClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		private final HttpHeaders headers = new HttpHeaders();

		private final Map<String, Object> attributes = new HashMap<>();

		CannedRequest(URI uri, HttpMethod method) {
			this.uri = uri;
			this.method = method;
		}

		@Override
		public ClientHttpResponse execute() {
			return new CannedResponse(BODY);
		}

		@Override
		public OutputStream getBody() {
			return OutputStream.nullOutputStream();
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
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

	/**
	 * A deadline kept as Spring Framework 7.0's JDK client keeps its read timeout: a
	 * future completed on timeout, with a stage that would end the call, cancelled when
	 * the response is closed.
	 */
	private static final class FutureBoundRequest implements ClientHttpRequest {

		private final ClientHttpRequest delegate;

		FutureBoundRequest(ClientHttpRequest delegate) {
			this.delegate = delegate;
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			CompletableFuture<Void> deadline = new CompletableFuture<Void>().completeOnTimeout(null,
					READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			deadline.thenRun(() -> {
			});
			ClientHttpResponse response = this.delegate.execute();
			return new ClientHttpResponse() {

				@Override
				public HttpStatusCode getStatusCode() throws IOException {
					return response.getStatusCode();
				}

				@Override
				public String getStatusText() throws IOException {
					return response.getStatusText();
				}

				@Override
				public HttpHeaders getHeaders() {
					return response.getHeaders();
				}

				@Override
				public InputStream getBody() throws IOException {
					return response.getBody();
				}

				@Override
				public void close() {
					deadline.cancel(false);
					response.close();
				}

			};
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

}
