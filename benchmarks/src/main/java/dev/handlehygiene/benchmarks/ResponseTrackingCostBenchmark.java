package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.net.URI;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import dev.handlehygiene.http.ResponseTrackingInterceptor;
import dev.handlehygiene.leak.LeakTracker;

/**
 * What the tracking adds to one response, without any I/O: the interceptor wraps a canned
 * response, which is then closed, as {@code retrieve()} does.
 * {@link RestClientTrackingBenchmark} gives the answer that matters, the ratio against a
 * real call; on a small shared machine its noise can be larger than the tracking itself,
 * and this one tells how many microseconds each sampling setting adds and where they go
 * ({@code -prof gc}, {@code -prof stack}).
 * <p>
 * {@code tracking=none} calls the execution directly, the floor. {@code callerFrames}
 * nests the call deeper in this class, as in {@link RestClientTrackingBenchmark}:
 * {@code -p callerFrames=64} makes a sampled capture keep its full 32 frames, as it would
 * on a web request thread. <pre>
 * java -jar benchmarks/target/benchmarks.jar -rf text -rff /tmp/bench-tracking-cost.txt ResponseTrackingCost
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ResponseTrackingCostBenchmark {

	private static final byte[] NO_BODY = new byte[0];

	@Param({ "none", "0.0", "0.01", "1.0", "defaults" })
	String tracking;

	@Param({ "0" })
	int callerFrames;

	private final HttpRequest request = new CannedRequest(URI.create("http://127.0.0.1:8080/payload?id=1"));

	private final ClientHttpResponse response = new CannedResponse();

	// returns the same response every time: the cost of producing one is not what is
	// measured
	private final ClientHttpRequestExecution execution = (request, body) -> this.response;

	private ClientHttpRequestInterceptor interceptor;

	private LeakTracker tracker;

	@Setup
	public void setUp() {
		if ("none".equals(this.tracking)) {
			this.interceptor = (request, body, execution) -> execution.execute(request, body);
			return;
		}
		this.tracker = Trackers.of(this.tracking);
		this.interceptor = new ResponseTrackingInterceptor(this.tracker);
	}

	@TearDown
	public void check() {
		// every response is closed: anything open or leaked means the timing includes
		// something else
		if (this.tracker != null && (this.tracker.open() != 0 || this.tracker.leaked() != 0)) {
			throw new IllegalStateException("open: " + this.tracker.open() + ", leaked: " + this.tracker.leaked());
		}
	}

	@Benchmark
	public ClientHttpResponse interceptAndClose() throws IOException {
		return nested(this.callerFrames);
	}

	private ClientHttpResponse nested(int frames) throws IOException {
		if (frames > 0) {
			return nested(frames - 1);
		}
		ClientHttpResponse intercepted = this.interceptor.intercept(this.request, NO_BODY, this.execution);
		intercepted.close();
		return intercepted;
	}

}
