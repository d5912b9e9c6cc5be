package dev.handlehygiene.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * What the faster sampling costs a minute, as the CPU time of each sampler's own thread.
 * Four samplers on this process's real count run side by side. Two are the starter's, at
 * the defaults (10 s interval, 10-minute window): one below its warning share (a reading
 * every 10 s, a census once per window) and one above it (a reading every second, and a
 * census at every trend sample, every 10 s, as before fast readings existed). Two take no
 * census and read every 10 s and every second: their difference is the readings alone,
 * wake-ups included. Thread CPU time comes from the kernel's per-thread clock, in
 * nanoseconds, not from the 10 ms ticks of {@code /proc/<pid>/stat}. <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.handlehygiene.benchmarks.FastSamplingCpu [seconds] [rounds] [open]
 * </pre>
 */
public final class FastSamplingCpu {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final Duration INTERVAL = Duration.ofSeconds(10);

	private static final Duration WINDOW = Duration.ofMinutes(10);

	private FastSamplingCpu() {
	}

	public static void main(String[] args) throws Exception {
		long seconds = (args.length > 0) ? Long.parseLong(args[0]) : 60;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		int open = (args.length > 2) ? Integer.parseInt(args[2]) : 300;
		FileDescriptorProbe probe = new FileDescriptorProbe();
		// a census lists every descriptor: as many as a small service holds (200 loopback
		// sockets among them), so that the census part of the cost is a service's
		try (OpenDescriptors held = OpenDescriptors.upTo(probe, open)) {
			measure(probe, seconds, rounds);
		}
	}

	private static void measure(FileDescriptorProbe probe, long seconds, int rounds) throws InterruptedException {
		System.out.printf("count method %s, %d open of %d; %d rounds of %d s%n", probe.countMethod().label(),
				probe.count(), probe.limit(), rounds, seconds);
		System.out.println("CPU ms a minute of each sampler's thread");
		System.out.println("round | below warning | above warning | difference | readings every 10 s | every 1 s"
				+ " | difference");
		for (int round = 1; round <= rounds; round++) {
			Measured slow = start(new FileDescriptorSampler(probe, INTERVAL, WINDOW, new FileDescriptorInventory(),
					new UsageThresholds(0.7, 0.9)));
			Measured fast = start(new FileDescriptorSampler(probe, INTERVAL, WINDOW, new FileDescriptorInventory(),
					new UsageThresholds(1e-9, 1.0)));
			Measured plain = start(new FileDescriptorSampler(probe, INTERVAL, WINDOW));
			Measured plainFast = start(new FileDescriptorSampler(probe, FileDescriptorSampler.FAST_INTERVAL, WINDOW));
			Measured[] all = { slow, fast, plain, plainFast };
			// the first reading of each happened at start: the rounds measure the
			// schedule
			long[] before = new long[all.length];
			for (int i = 0; i < all.length; i++) {
				before[i] = all[i].cpuNanos();
			}
			Thread.sleep(seconds * 1000);
			double[] ms = new double[all.length];
			for (int i = 0; i < all.length; i++) {
				ms[i] = (all[i].cpuNanos() - before[i]) * 60.0 / seconds / 1_000_000;
				all[i].sampler().stop();
			}
			System.out.printf("%d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f (sampling fast above warning: %s)%n", round,
					ms[0], ms[1], ms[1] - ms[0], ms[2], ms[3], ms[3] - ms[2], fast.sampler().isSamplingFast());
		}
	}

	private static Measured start(FileDescriptorSampler sampler) {
		Set<Long> before = samplerThreads();
		sampler.start();
		long thread = -1;
		while (thread < 0) {
			Set<Long> now = samplerThreads();
			now.removeAll(before);
			thread = now.stream().findFirst().orElse(-1L);
			// the thread starts within a millisecond; this loop waits for no more
			Thread.onSpinWait();
		}
		return new Measured(sampler, thread);
	}

	private static Set<Long> samplerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("handle-hygiene-fd-sampler"))
			.map(Thread::getId)
			.collect(Collectors.toSet());
	}

	private record Measured(FileDescriptorSampler sampler, long threadId) {

		long cpuNanos() {
			return THREADS.getThreadCpuTime(this.threadId);
		}

	}

}
