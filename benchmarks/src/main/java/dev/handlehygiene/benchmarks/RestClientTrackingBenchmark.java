package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.handlehygiene.http.ResponseTrackingInterceptor;
import dev.handlehygiene.leak.LeakTracker;

/**
 * What the starter's HTTP response tracking costs a {@link RestClient} call, to choose
 * the default of {@code handle-hygiene.leaks.http-client.sampling}. Every variant does
 * the same GET against a loopback server through the same kind of client (Boot's default
 * when no other client library is present: {@link JdkClientHttpRequestFactory} over a JDK
 * {@link HttpClient} speaking HTTP/1.1) and differs only in its interceptor
 * ({@code tracking}):
 * <ul>
 * <li>{@code none}: no interceptor, the baseline;</li>
 * <li>{@code passthrough}: an interceptor that does nothing, to tell what Spring's
 * interceptor chain costs by itself from what the tracking adds;</li>
 * <li>{@code 0.0}, {@code 0.01}, {@code 1.0}: {@link ResponseTrackingInterceptor} with
 * that share of responses having their call-site stack recorded, with no budget (every
 * response is counted either way);</li>
 * <li>{@code defaults}: the starter's defaults, every call site recorded within a budget
 * of 1 % of one CPU.</li>
 * </ul>
 * {@code callerFrames} nests the call that many frames deeper in this class: a stack is
 * kept from the call site outwards (up to 32 frames), and a JMH thread has few frames
 * above the benchmark, far fewer than a request thread of a web application;
 * {@code -p callerFrames=64} shows the cost of a full 32-frame capture.
 * <p>
 * Run from the reactor root: <pre>
 * ./mvnw -B -q -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar -rf text -rff /tmp/bench-tracking.txt RestClientTracking
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// With fewer than 3 CPUs the common pool has parallelism 1 and CompletableFuture falls
// back to a new thread per
// async task, which JDK 17's HttpClient.sendAsync uses once per request: the baseline
// then times thread starts and
// varies by tens of percent between iterations. Parallelism 2 gives the behaviour of any
// host with 3+ CPUs, a faster
// baseline and so a stricter ratio. A fixed heap keeps GC sizing the same for every
// variant.
@Fork(value = 2, jvmArgsAppend = { "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2", "-Xms1g", "-Xmx1g" })
// on 2 cores the C2 backlog of HttpClient and Spring code keeps throughput climbing for
// about 20 s
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
public class RestClientTrackingBenchmark {

	/**
	 * Small, so that the fixed cost per response, which is what tracking adds, is not
	 * hidden behind copying.
	 */
	private static final byte[] BODY = new byte[128];

	static {
		Arrays.fill(BODY, (byte) 'x');
		// without it the server's header and body writes meet Nagle and the client's
		// delayed ACK: every call then
		// waits ~40 ms and the benchmark times the TCP stack; read once, when the first
		// server is created
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	@Param({ "none", "passthrough", "0.0", "0.01", "1.0", "defaults" })
	String tracking;

	@Param({ "0" })
	int callerFrames;

	private HttpServer server;

	private ExecutorService serverExecutor;

	private RestClient client;

	private LeakTracker tracker;

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.serverExecutor = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "upstream");
			thread.setDaemon(true);
			return thread;
		});
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/payload", RestClientTrackingBenchmark::respond);
		this.server.setExecutor(this.serverExecutor);
		this.server.start();

		// the same client for every variant; only the interceptor below differs
		HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		RestClient.Builder builder = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory(httpClient))
			.baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort());
		ClientHttpRequestInterceptor interceptor = interceptor();
		if (interceptor != null) {
			builder.requestInterceptor(interceptor);
		}
		this.client = builder.build();

		// a wrongly wired variant would measure something else: check one call is
		// tracked, and closed
		String body = get();
		if (body.length() != BODY.length) {
			throw new IllegalStateException("unexpected body of " + body.length() + " chars");
		}
		if (this.tracker != null && (this.tracker.tracked() != 1 || this.tracker.open() != 0)) {
			throw new IllegalStateException(
					"expected 1 tracked and 0 open, got " + this.tracker.tracked() + " and " + this.tracker.open());
		}
	}

	private ClientHttpRequestInterceptor interceptor() {
		switch (this.tracking) {
			case "none":
				return null;
			case "passthrough":
				return (request, body, execution) -> execution.execute(request, body);
			default:
				this.tracker = Trackers.of(this.tracking);
				return new ResponseTrackingInterceptor(this.tracker);
		}
	}

	private static void respond(HttpExchange exchange) throws IOException {
		try {
			// drained so that the connection is kept alive: every variant reuses one
			// connection per thread
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "text/plain");
			exchange.sendResponseHeaders(200, BODY.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(BODY);
			}
		}
		finally {
			exchange.close();
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		// retrieve() closes every response: anything still open or leaked means the
		// numbers include leaks
		if (this.tracker != null && (this.tracker.open() != 0 || this.tracker.leaked() != 0)) {
			throw new IllegalStateException(
					"responses left open: " + this.tracker.open() + ", leaked: " + this.tracker.leaked());
		}
		this.server.stop(0);
		this.serverExecutor.shutdownNow();
	}

	@Benchmark
	public String get() {
		return nested(this.callerFrames);
	}

	private String nested(int frames) {
		if (frames > 0) {
			return nested(frames - 1);
		}
		return this.client.get().uri("/payload").retrieve().body(String.class);
	}

}
