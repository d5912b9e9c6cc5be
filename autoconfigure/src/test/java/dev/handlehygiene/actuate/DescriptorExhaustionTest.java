package dev.handlehygiene.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a child JVM to EMFILE (HotSpot keeps the small soft limit with {@code -XX:-MaxFDLimit}) and checks that
 * the probe still reads the exact count and the health indicator says DOWN without throwing, where the MXBean
 * fails.
 */
class DescriptorExhaustionTest {

	private static final int LIMIT = 256;

	@Test
	void atEmfileTheProbeReadsTheExactCountAndHealthIsDown() throws Exception {
		Map<String, String> report = runAtLimit();
		assertThat(report.get("emfile")).contains("Too many open files");
		assertThat(report).containsEntry("limit", String.valueOf(LIMIT)).containsEntry("method", "procfs-stat");
		assertThat(Long.parseLong(report.get("count"))).isBetween(LIMIT - 2L, (long) LIMIT);
		assertThat(report).containsEntry("status", "DOWN").containsEntry("healthError", "null");
		assertThat(report).doesNotContainKey("healthThrew");
		assertThat(Long.parseLong(report.get("open"))).isBetween(LIMIT - 2L, (long) LIMIT);
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
