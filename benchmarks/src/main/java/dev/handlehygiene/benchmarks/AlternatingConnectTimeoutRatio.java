package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static dev.handlehygiene.benchmarks.RoundStats.max;
import static dev.handlehygiene.benchmarks.RoundStats.median;
import static dev.handlehygiene.benchmarks.RoundStats.min;

/**
 * What a connect timeout and a read timeout cost a {@link RestClient} call on Spring
 * Boot's JDK client, built the way the auto-configuration builds it:
 * {@code ClientHttpRequestFactoryBuilder.jdk().build(settings)}. Each variant has its own
 * factory (and so its own JDK {@code HttpClient}) and differs only in the settings:
 * <ul>
 * <li>{@code none}: no timeout;</li>
 * <li>{@code read}: {@code read-timeout=30s} (Spring applies it per request, with a
 * {@code CompletableFuture});</li>
 * <li>{@code connect}: {@code connect-timeout=5s} (the JDK's
 * {@code HttpClient.Builder.connectTimeout}, a timer registered with the client's
 * selector thread for each new connection);</li>
 * <li>{@code both}: the starter's defaults, 5 s and 30 s.</li>
 * </ul>
 * The loopback upstream answers either {@code Connection: close} ({@code close}, a new
 * connection per call, as the demo's upstream) or keeps connections alive
 * ({@code keep-alive}): a {@link LoopbackUpstream}. Rounds run every variant for one
 * slice in a rotating order, as {@link AlternatingTrackingRatio} does, and report the
 * per-round ratios to {@code none}. <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.handlehygiene.benchmarks.AlternatingConnectTimeoutRatio [rounds] [close|keep-alive]
 * </pre> The common pool is left at the JVM's own parallelism, as in a service on the
 * same machine.
 */
public final class AlternatingConnectTimeoutRatio {

	private static final String[] VARIANTS = { "none", "read", "connect", "both" };

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private static final long SLICE_NANOS = 2_000_000_000L;

	private static final long WARM_UP_NANOS_PER_VARIANT = 8_000_000_000L;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private AlternatingConnectTimeoutRatio() {
	}

	public static void main(String[] args) throws IOException {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		boolean close = !(args.length > 1 && args[1].equals("keep-alive"));
		try (LoopbackUpstream upstream = new LoopbackUpstream(close)) {
			String uri = upstream.uri();
			Map<String, RestClient> variants = new LinkedHashMap<>();
			Map<String, Long> selectors = new LinkedHashMap<>();
			for (String variant : VARIANTS) {
				Set<Long> before = selectorThreads();
				ClientHttpRequestFactory factory = ClientHttpRequestFactoryBuilder.jdk().build(settings(variant));
				RestClient client = RestClient.builder().requestFactory(factory).baseUrl(uri).build();
				call(client);
				Set<Long> after = selectorThreads();
				after.removeAll(before);
				if (after.size() != 1) {
					throw new IllegalStateException(
							"expected one new selector thread for " + variant + ", got " + after);
				}
				variants.put(variant, client);
				selectors.put(variant, after.iterator().next());
			}
			RestClient none = variants.get("none");
			upstream.checkConnections(() -> call(none), "none");
			for (String name : variants.keySet()) {
				run(variants.get(name), selectors.get(name), WARM_UP_NANOS_PER_VARIANT);
			}
			System.out.println("warmed up; upstream " + (close ? "Connection: close" : "keep-alive") + ", common pool"
					+ " parallelism " + ForkJoinPool.getCommonPoolParallelism());
			List<String> names = new ArrayList<>(variants.keySet());
			Map<String, List<Double>> rates = new LinkedHashMap<>();
			Map<String, List<Double>> cpu = new LinkedHashMap<>();
			Map<String, List<Double>> rateRatios = new LinkedHashMap<>();
			Map<String, List<Double>> cpuRatios = new LinkedHashMap<>();
			Map<String, List<Double>> selectorCpu = new LinkedHashMap<>();
			Map<String, List<Double>> switches = new LinkedHashMap<>();
			for (int round = 0; round < rounds; round++) {
				Map<String, double[]> slice = new LinkedHashMap<>();
				for (int i = 0; i < names.size(); i++) {
					String name = names.get((round + i) % names.size());
					slice.put(name, run(variants.get(name), selectors.get(name), SLICE_NANOS));
				}
				for (String name : names) {
					selectorCpu.computeIfAbsent(name, (key) -> new ArrayList<>()).add(slice.get(name)[2] / 1000);
					switches.computeIfAbsent(name, (key) -> new ArrayList<>()).add(slice.get(name)[3]);
					rates.computeIfAbsent(name, (key) -> new ArrayList<>()).add(slice.get(name)[0]);
					cpu.computeIfAbsent(name, (key) -> new ArrayList<>()).add(slice.get(name)[1] / 1000);
					rateRatios.computeIfAbsent(name, (key) -> new ArrayList<>())
						.add(slice.get(name)[0] / slice.get("none")[0]);
					cpuRatios.computeIfAbsent(name, (key) -> new ArrayList<>())
						.add(slice.get(name)[1] / slice.get("none")[1]);
				}
			}
			System.out.printf("%d rounds of %d x %d s: variant, median calls/ms, median process CPU us per call,"
					+ " median per-round throughput ratio to none (min..max), median per-round CPU-per-call ratio"
					+ " (min..max), median selector-thread CPU us per call, median context switches per call (all"
					+ " threads)%n", rounds, names.size(), SLICE_NANOS / 1_000_000_000L);
			for (String name : names) {
				List<Double> r = rateRatios.get(name);
				List<Double> c = cpuRatios.get(name);
				System.out.printf("  %-8s %6.3f %7.1f  %.3f (%.3f..%.3f)  %.3f (%.3f..%.3f)  %6.2f  %5.2f%n", name,
						median(rates.get(name)), median(cpu.get(name)), median(r), min(r), max(r), median(c), min(c),
						max(c), median(selectorCpu.get(name)), median(switches.get(name)));
			}
		}
	}

	private static HttpClientSettings settings(String variant) {
		HttpClientSettings defaults = HttpClientSettings.defaults();
		return switch (variant) {
			case "none" -> defaults;
			case "read" -> defaults.withReadTimeout(READ_TIMEOUT);
			case "connect" -> defaults.withConnectTimeout(CONNECT_TIMEOUT);
			case "both" -> defaults.withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT);
			default -> throw new IllegalArgumentException(variant);
		};
	}

	private static String call(RestClient client) {
		return client.get().retrieve().body(String.class);
	}

	/**
	 * Calls for the given time; returns calls per millisecond, process CPU nanoseconds
	 * per call, the client's selector thread's CPU nanoseconds per call and the process's
	 * context switches per call.
	 */
	private static double[] run(RestClient client, long selector, long nanos) {
		long selectorBefore = THREADS.getThreadCpuTime(selector);
		long switchesBefore = ProcessCounters.contextSwitches();
		long cpuBefore = ProcessCounters.cpuNanos();
		long start = System.nanoTime();
		long end = start + nanos;
		long calls = 0;
		long now;
		do {
			String body = call(client);
			if (body == null || body.length() != LoopbackUpstream.BODY_LENGTH) {
				throw new IllegalStateException("unexpected body " + body);
			}
			calls++;
			now = System.nanoTime();
		}
		while (now < end);
		long cpu = ProcessCounters.cpuNanos() - cpuBefore;
		return new double[] { calls / ((now - start) / 1e6), cpu / (double) calls,
				(THREADS.getThreadCpuTime(selector) - selectorBefore) / (double) calls,
				(ProcessCounters.contextSwitches() - switchesBefore) / (double) calls };
	}

	private static Set<Long> selectorThreads() {
		Set<Long> ids = new HashSet<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().endsWith("SelectorManager")) {
				ids.add(thread.getId());
			}
		}
		return ids;
	}

}
