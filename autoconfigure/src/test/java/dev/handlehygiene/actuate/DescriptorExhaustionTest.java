package dev.handlehygiene.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.ProcfsStat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives a child JVM to EMFILE (HotSpot keeps the small soft limit with {@code -XX:-MaxFDLimit}) and checks that
 * the probe still reads the exact count and the health indicator says DOWN without throwing, where the MXBean
 * fails. Before Linux 6.2 there is no count that needs no descriptor: there the probe and the indicator must say
 * they cannot tell, still without throwing.
 */
class DescriptorExhaustionTest {

	private static final int LIMIT = 256;

	@Test
	void atEmfileTheProbeReadsTheExactCountAndHealthIsDown() throws Exception {
		assumeTrue(ProcfsStat.isSupported(), "the stat size of /proc/self/fd counts descriptors (Linux 6.2+)");
		Map<String, String> report = runAtLimit();
		assertAtTheLimitWithoutThrowing(report);
		assertThat(report).containsEntry("method", "procfs-stat");
		assertThat(Long.parseLong(report.get("count"))).isBetween(LIMIT - 2L, (long) LIMIT);
		assertThat(report).containsEntry("status", "DOWN").containsEntry("healthError", "null");
		assertThat(Long.parseLong(report.get("open"))).isBetween(LIMIT - 2L, (long) LIMIT);
	}

	@Test
	void atEmfileWithoutTheProcfsSizeTheCountIsUnknownAndHealthIsUnknown() throws Exception {
		assumeFalse(ProcfsStat.isSupported(), "the stat size of /proc/self/fd reads 0 (before Linux 6.2)");
		Map<String, String> report = runAtLimit();
		assertAtTheLimitWithoutThrowing(report);
		assertThat(report).containsEntry("method", "mxbean")
			.containsEntry("count", String.valueOf(FileDescriptorProbe.UNKNOWN))
			.containsEntry("status", "UNKNOWN")
			.containsEntry("open", "null");
	}

	private static void assertAtTheLimitWithoutThrowing(Map<String, String> report) {
		assertThat(report.get("emfile")).contains("Too many open files");
		assertThat(report).containsEntry("limit", String.valueOf(LIMIT));
		assertThat(report).doesNotContainKey("healthThrew");
		// the anchor: the directory walk cannot run at the limit
		assertThat(report.get("mxbean")).isEqualTo(InternalError.class.getName());
	}

	private static Map<String, String> runAtLimit() throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String command = "ulimit -n " + LIMIT + " && exec '" + java + "' -XX:-MaxFDLimit -Xshare:auto -cp '"
				+ System.getProperty("java.class.path") + "' " + ExhaustDescriptors.class.getName();
		Process child = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
		try {
			assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
			String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(child.exitValue()).as(output).isZero();
			Map<String, String> report = new HashMap<>();
			for (String line : output.split("\n")) {
				int equals = line.indexOf('=');
				int space = line.indexOf(' ');
				// the child's log lines have a space before any '='; its report lines start with the key
				if (equals > 0 && (space < 0 || space > equals)) {
					report.put(line.substring(0, equals), line.substring(equals + 1));
				}
			}
			return report;
		}
		finally {
			child.destroyForcibly();
		}
	}

}
