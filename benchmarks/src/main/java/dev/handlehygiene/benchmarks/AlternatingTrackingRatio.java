package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.handlehygiene.benchmarks.RoundStats.max;
import static dev.handlehygiene.benchmarks.RoundStats.median;
import static dev.handlehygiene.benchmarks.RoundStats.min;

/**
 * The ratios of {@link RestClientTrackingBenchmark}'s variants to no tracking, measured
 * side by side: every variant's client and loopback server live in this one JVM, and each
 * round runs every variant for one slice of time, in an order that rotates from round to
 * round. A machine that speeds up or slows down during the run (another process, a
 * frequency change) then moves every variant of a round alike, which JMH's
 * one-variant-after-another cannot offer; the median of the per-round ratios is what it
 * reports. <pre>
 * java -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Xms1g -Xmx1g \
 *     -cp benchmarks/target/benchmarks.jar dev.handlehygiene.benchmarks.AlternatingTrackingRatio [rounds] [callerFrames]
 * </pre>
 */
public final class AlternatingTrackingRatio {

	private static final String[] VARIANTS = { "none", "passthrough", "0.0", "0.01", "1.0", Trackers.DEFAULTS };

	private static final long SLICE_NANOS = 2_000_000_000L;

	/**
	 * The process's CPU time: steadier than throughput on a shared machine, and it counts
	 * every thread's work.
	 */
	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final long WARM_UP_NANOS_PER_VARIANT = 8_000_000_000L;

	private AlternatingTrackingRatio() {
	}

	public static void main(String[] args) throws IOException {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		int callerFrames = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		Map<String, RestClientTrackingBenchmark> variants = new LinkedHashMap<>();
		for (String variant : VARIANTS) {
			RestClientTrackingBenchmark benchmark = new RestClientTrackingBenchmark();
			benchmark.tracking = variant;
			benchmark.callerFrames = callerFrames;
			benchmark.start();
			variants.put(variant, benchmark);
		}
		try {
			for (RestClientTrackingBenchmark benchmark : variants.values()) {
				run(benchmark, WARM_UP_NANOS_PER_VARIANT);
			}
			System.out.println("warmed up");
			Map<String, List<Double>> ratios = new LinkedHashMap<>();
			Map<String, List<Double>> rates = new LinkedHashMap<>();
			Map<String, List<Double>> cpuRatios = new LinkedHashMap<>();
			List<String> names = new ArrayList<>(variants.keySet());
			for (int round = 0; round < rounds; round++) {
				Map<String, double[]> slice = new LinkedHashMap<>();
				for (int i = 0; i < names.size(); i++) {
					String name = names.get((round + i) % names.size());
					slice.put(name, run(variants.get(name), SLICE_NANOS));
				}
				for (String name : names) {
					rates.computeIfAbsent(name, (key) -> new ArrayList<>()).add(slice.get(name)[0]);
					ratios.computeIfAbsent(name, (key) -> new ArrayList<>())
						.add(slice.get(name)[0] / slice.get("none")[0]);
					cpuRatios.computeIfAbsent(name, (key) -> new ArrayList<>())
						.add(slice.get(name)[1] / slice.get("none")[1]);
				}
			}
			System.out
				.printf("%d rounds of %d x %d s, callerFrames=%d: variant, median calls/ms, median of the per-round"
						+ " throughput ratios to none (min..max), median of the per-round process-CPU-per-call ratios"
						+ " (min..max)%n", rounds, names.size(), SLICE_NANOS / 1_000_000_000L, callerFrames);
			for (String name : names) {
				List<Double> r = ratios.get(name);
				List<Double> c = cpuRatios.get(name);
				System.out.printf("  %-12s %6.3f  %.3f (%.3f..%.3f)  %.3f (%.3f..%.3f)%n", name,
						median(rates.get(name)), median(r), min(r), max(r), median(c), min(c), max(c));
			}
		}
		finally {
			for (RestClientTrackingBenchmark benchmark : variants.values()) {
				benchmark.stop();
			}
		}
	}

	/**
	 * Calls for the given time; returns calls per millisecond and process CPU nanoseconds
	 * per call.
	 */
	private static double[] run(RestClientTrackingBenchmark benchmark, long nanos) throws IOException {
		long cpuBefore = OS.getProcessCpuTime();
		long start = System.nanoTime();
		long end = start + nanos;
		long calls = 0;
		long now;
		do {
			benchmark.get();
			calls++;
			now = System.nanoTime();
		}
		while (now < end);
		return new double[] { calls / ((now - start) / 1e6), (OS.getProcessCpuTime() - cpuBefore) / (double) calls };
	}

}
