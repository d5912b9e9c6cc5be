package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

import dev.handlehygiene.http.ResponseTrackers;
import dev.handlehygiene.http.ResponseTrackingInterceptor;
import dev.handlehygiene.leak.FrameworkFrames;
import dev.handlehygiene.leak.LeakTracker;

/**
 * How many heap bytes one tracked response that is still open keeps: the wrapper, its
 * tracking handle, the cleaner's registration and, when its call site is recorded, the
 * backtrace. Opens {@code count} responses through the interceptor from a stack
 * {@code depth} frames deep (a web request thread has 80 to 140), keeps them all open,
 * and divides the growth of the heap after a full GC by the count; then reads the sites,
 * which turns the backtraces of suspected responses into frames, and measures again. The
 * canned response itself is subtracted by a run without tracking. <pre>
 * java -XX:+UseSerialGC -Xmx2g -cp benchmarks/target/benchmarks.jar dev.handlehygiene.benchmarks.RetainedBytesPerOpenResponse
 * </pre>
 */
public final class RetainedBytesPerOpenResponse {

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private static final HttpRequest REQUEST = new CannedRequest(URI.create("http://127.0.0.1:8080/payload?id=1"));

	private RetainedBytesPerOpenResponse() {
	}

	public static void main(String[] args) throws IOException {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int depth = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		// warm up the classes and the JIT once, so that neither counts as retained
		measure(null, 1_000, depth);
		measure(tracker(1.0), 1_000, depth);
		double none = measure(null, count, depth);
		System.out.printf("untracked canned response: %.0f B each%n", none);
		for (double sampling : new double[] { 0.0, 1.0 }) {
			LeakTracker tracker = tracker(sampling);
			List<ClientHttpResponse> held = new ArrayList<>(count);
			long before = usedAfterGc();
			openAll(new ResponseTrackingInterceptor(tracker), held, count, depth);
			long open = usedAfterGc();
			// max-open-age is 1 ms: every open response is suspected, and reading the
			// sites makes its frames
			tracker.sites();
			long reported = usedAfterGc();
			System.out.printf(
					"sampling=%s: %.0f B per open tracked response (%.0f B more than untracked); "
							+ "%.0f B once its frames are made for a report%n",
					sampling, (open - before) / (double) count, (open - before) / (double) count - none,
					(reported - before) / (double) count - none);
			held.forEach(ClientHttpResponse::close);
		}
	}

	private static double measure(LeakTracker tracker, int count, int depth) throws IOException {
		List<ClientHttpResponse> held = new ArrayList<>(count);
		long before = usedAfterGc();
		if (tracker == null) {
			for (int i = 0; i < count; i++) {
				held.add(new CannedResponse());
			}
		}
		else {
			openAll(new ResponseTrackingInterceptor(tracker), held, count, depth);
		}
		long after = usedAfterGc();
		held.forEach(ClientHttpResponse::close);
		return (after - before) / (double) count;
	}

	private static void openAll(ResponseTrackingInterceptor interceptor, List<ClientHttpResponse> held, int count,
			int depth) throws IOException {
		for (int i = 0; i < count; i++) {
			held.add(nested(interceptor, depth));
		}
	}

	private static ClientHttpResponse nested(ResponseTrackingInterceptor interceptor, int frames) throws IOException {
		if (frames > 0) {
			return nested(interceptor, frames - 1);
		}
		ClientHttpRequestExecution execution = (request, body) -> new CannedResponse();
		return interceptor.intercept(REQUEST, new byte[0], execution);
	}

	private static LeakTracker tracker(double sampling) {
		return ResponseTrackers.create(sampling, Duration.ofMillis(1), true, 1.0, FrameworkFrames.PREFIXES);
	}

	private static long usedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

}
