package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Counters of the whole process the alternating client mains read around each slice: CPU
 * time, context switches and heap bytes allocated.
 */
final class ProcessCounters {

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private ProcessCounters() {
	}

	/**
	 * CPU nanoseconds of every thread of this process, as the kernel counts them.
	 * @return the process's CPU time
	 */
	static long cpuNanos() {
		return OS.getProcessCpuTime();
	}

	/**
	 * Voluntary and involuntary context switches of every thread of this process, from
	 * {@code /proc/self/task}.
	 * @return the sum, or 0 if the directory cannot be read
	 */
	static long contextSwitches() {
		long total = 0;
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
			for (Path task : tasks) {
				try {
					for (String line : Files.readAllLines(task.resolve("status"))) {
						if (line.contains("ctxt_switches:")) {
							total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
						}
					}
				}
				catch (IOException ex) {
					// a thread that ended while listed
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return total;
	}

	/**
	 * Heap bytes each live thread has allocated so far, for {@link #allocatedSince}.
	 * @return the bytes by thread id
	 */
	static Map<Long, Long> allocatedBytes() {
		long[] ids = THREADS.getAllThreadIds();
		long[] bytes = THREADS.getThreadAllocatedBytes(ids);
		Map<Long, Long> byThread = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (bytes[i] >= 0) {
				byThread.put(ids[i], bytes[i]);
			}
		}
		return byThread;
	}

	/**
	 * Heap bytes the live threads allocated since the snapshot (a thread started since
	 * counts in full; one that ended since is missing).
	 * @param before a snapshot from {@link #allocatedBytes()}
	 * @return the bytes allocated since
	 */
	static long allocatedSince(Map<Long, Long> before) {
		long total = 0;
		for (Map.Entry<Long, Long> now : allocatedBytes().entrySet()) {
			total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
		}
		return total;
	}

}
