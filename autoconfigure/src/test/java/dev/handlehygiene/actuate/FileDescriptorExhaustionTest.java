package dev.handlehygiene.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.fd.CountMethod;
import dev.handlehygiene.fd.CountMethodPreference;
import dev.handlehygiene.fd.ChildJvm;
import dev.handlehygiene.fd.ProcfsStat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives a child JVM to EMFILE (HotSpot keeps the small soft limit with
 * {@code -XX:-MaxFDLimit}) and checks what every read path answers there, without
 * throwing. On the fast path (Linux 6.2+) the probe still reads the exact count and
 * health is DOWN, where the MXBean fails. On the MXBean fallback (before Linux 6.2, or
 * forced) there is no count that needs no descriptor: there every path must say it cannot
 * tell.
 */
class FileDescriptorExhaustionTest {

	private static final int LIMIT = 256;

	/** Higher for a whole Spring context: its jars stay open, one descriptor each. */
	private static final int CONTEXT_LIMIT = 512;

	@Test
	void atEmfileTheProbeReadsTheExactCountAndHealthIsDown() throws Exception {
		assumeTrue(ProcfsStat.expectedCountMethod() == CountMethod.PROCFS_STAT,
				"the stat size of /proc/self/fd counts descriptors (Linux 6.2+) and this run does not force mxbean");
		Map<String, String> report = runAtLimit(ExhaustDescriptors.class, LIMIT, ProcfsStat.forcedPreference());
		assertAtTheLimitWithoutThrowing(report, LIMIT);
		assertThat(report).containsEntry("method", "procfs-stat");
		assertThat(Long.parseLong(report.get("count"))).isBetween(LIMIT - 2L, (long) LIMIT);
		assertThat(report).containsEntry("status", "DOWN").containsEntry("healthError", "null");
		assertThat(Long.parseLong(report.get("open"))).isBetween(LIMIT - 2L, (long) LIMIT);
	}

	@Test
	void atEmfileWithoutTheProcfsSizeTheMxBeansEmfileMeansTheCountIsTheLimitAndHealthIsDown() throws Exception {
		assumeTrue(ProcfsStat.expectedCountMethod() == CountMethod.MXBEAN,
				"the stat size of /proc/self/fd reads 0 (before Linux 6.2) or this run forces mxbean");
		Map<String, String> report = runAtLimit(ExhaustDescriptors.class, LIMIT, ProcfsStat.forcedPreference());
		assertAtTheLimitWithoutThrowing(report, LIMIT);
		// the walk fails with errno 24, which says every descriptor below the soft limit
		// is taken
		assertThat(report).containsEntry("method", "mxbean")
			.containsEntry("count", String.valueOf(LIMIT))
			.containsEntry("status", "DOWN")
			.containsEntry("open", String.valueOf(LIMIT));
	}

	@Test
	void inASpringContextAtEmfileOnTheFastPathEveryReadPathAnswersAndHealthIsDown() throws Exception {
		assumeTrue(ProcfsStat.isSupported(), "the stat size of /proc/self/fd counts descriptors (Linux 6.2+)");
		Map<String, String> report = runAtLimit(ExhaustDescriptorsInContext.class, CONTEXT_LIMIT,
				CountMethodPreference.PROCFS_STAT);
		assertEveryPathAnsweredAtTheLimit(report);
		assertThat(report).containsEntry("probe.method", "procfs-stat")
			.containsEntry("health", "DOWN")
			.containsEntry("health.countMethod", "procfs-stat")
			.containsEntry("health.error", "null")
			.containsEntry("report.level", "critical")
			.containsEntry("report.countMethod", "procfs-stat");
		assertThat(Long.parseLong(report.get("probe.count"))).isBetween(CONTEXT_LIMIT - 2L, (long) CONTEXT_LIMIT);
		assertThat(Long.parseLong(report.get("health.open"))).isBetween(CONTEXT_LIMIT - 2L, (long) CONTEXT_LIMIT);
		assertThat(Long.parseLong(report.get("report.open"))).isBetween(CONTEXT_LIMIT - 2L, (long) CONTEXT_LIMIT);
		assertThat(meter(report, "process.files.open")).isBetween(CONTEXT_LIMIT - 2.0, (double) CONTEXT_LIMIT);
		// DOWN at the first check, the 1 ms grace elapsed at the second: the exit is
		// asked for, at the limit
		assertThat(report).containsEntry("exitOnCritical.exitCode", "75");
	}

	@Test
	void inASpringContextAtEmfileOnTheMxBeanFallbackEveryReadPathAnswersAndHealthIsDown() throws Exception {
		Map<String, String> report = runAtLimit(ExhaustDescriptorsInContext.class, CONTEXT_LIMIT,
				CountMethodPreference.MXBEAN);
		assertEveryPathAnsweredAtTheLimit(report);
		// the MXBean's walk fails with errno 24: the count is the soft limit, so liveness
		// and exit-on-critical act
		String limit = String.valueOf(CONTEXT_LIMIT);
		assertThat(report).containsEntry("probe.method", "mxbean")
			.containsEntry("probe.count", limit)
			.containsEntry("health", "DOWN")
			.containsEntry("health.countMethod", "mxbean")
			.containsEntry("health.open", limit)
			.containsEntry("report.level", "critical")
			.containsEntry("report.countMethod", "mxbean")
			.containsEntry("report.open", limit);
		assertThat(meter(report, "process.files.open")).isEqualTo(CONTEXT_LIMIT);
		assertThat(report).containsEntry("exitOnCritical.exitCode", "75");
	}

	private static void assertAtTheLimitWithoutThrowing(Map<String, String> report, int limit) {
		assertThat(report.get("emfile")).contains("Too many open files");
		assertThat(report).containsEntry("limit", String.valueOf(limit));
		assertThat(report).doesNotContainKey("healthThrew");
		// the anchor: the directory walk cannot run at the limit
		assertThat(report.get("mxbean")).isEqualTo(InternalError.class.getName());
	}

	private static void assertEveryPathAnsweredAtTheLimit(Map<String, String> report) {
		assertThat(report.get("emfile")).contains("Too many open files");
		assertThat(report.keySet()).as("paths that threw")
			.noneMatch((key) -> key.endsWith(".threw") && !key.equals("mxbean.threw"));
		// the anchor: the directory walk cannot run at the limit
		assertThat(report.get("mxbean.threw")).startsWith(InternalError.class.getName());
		assertThat(report).containsEntry("probe.limit", String.valueOf(CONTEXT_LIMIT))
			.containsEntry("report", "answered")
			.containsEntry("report.limit", String.valueOf(CONTEXT_LIMIT))
			.containsEntry("exitOnCritical", "checked");
		// the inventory cannot list /proc/self/fd without a descriptor: the report says
		// it is partial
		assertThat(report.get("report.inventoryError")).contains("Too many open files");
		assertThat(report).containsEntry("report.partial", "true");
		assertThat(report.get("trend")).startsWith("{trend=");
		assertThat(report.get("diagnosis")).startsWith("{diagnosis=");
		assertThat(meter(report, "process.files.max")).isEqualTo(CONTEXT_LIMIT);
		double eta = meter(report, "handle.hygiene.fd.exhaustion.eta");
		assertThat(Double.isNaN(eta) || eta >= 0).as("eta %s", eta).isTrue();
		assertThat(meter(report, "handle.hygiene.tracked.open")).isFinite().isNotNegative();
		assertThat(meter(report, "handle.hygiene.leaks")).isFinite().isNotNegative();
		// the TCP-state meter refreshes at every read in the child (1 ms): at the limit
		// its refresh fails, and it
		// serves the last complete reading, taken before the limit, instead of NaN (what
		// Micrometer shows for a
		// gauge that threw)
		assertThat(meter(report, "handle.hygiene.tcp.sockets")).isFinite().isNotNegative();
		assertThat(meter(report, "handle.hygiene.tcp.sockets.age")).isFinite().isNotNegative();
		// every handle.hygiene meter the registry holds read a number (NaN included)
		// instead of throwing
		assertThat(report.keySet().stream().filter((key) -> key.startsWith("meter.handle.hygiene."))).isNotEmpty()
			.allSatisfy((key) -> Double.parseDouble(report.get(key).split(",")[0]));
	}

	/** The first meter of the name, whatever its tags. */
	private static double meter(Map<String, String> report, String name) {
		return report.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("meter." + name + "{"))
			.map((entry) -> Double.parseDouble(entry.getValue().split(",")[0]))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no meter " + name + " in " + report.keySet()));
	}

	private static Map<String, String> runAtLimit(Class<?> main, int limit, CountMethodPreference countMethod)
			throws IOException, InterruptedException {
		Process child = ChildJvm.underLimit(limit, countMethod, List.of(), main, List.of()).start();
		try {
			assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
			String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(child.exitValue()).as(output).isZero();
			Map<String, String> report = new HashMap<>();
			for (String line : output.split("\n")) {
				int equals = line.indexOf('=');
				int space = line.indexOf(' ');
				// the child's log lines have a space before any '='; its report lines
				// start with the key
				if (equals > 0 && (space < 0 || space > equals)) {
					report.put(line.substring(0, equals), line.substring(equals + 1));
				}
			}
			// what each path answered at the limit, in the test's output for the record
			System.out.println(main.getSimpleName() + " at ulimit -n " + limit + ", count-method=" + countMethod.label()
					+ ": " + new TreeMap<>(report));
			return report;
		}
		finally {
			child.destroyForcibly();
		}
	}

}
