package dev.handlehygiene.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.fd.ChildJvm;
import dev.handlehygiene.fd.ProcfsStat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence outlives the restart: a child JVM under {@code ulimit -n 512}
 * ({@code -XX:-MaxFDLimit} keeps it) leaks files in one directory at a steady rate, and
 * the log names that directory, as what grew, before health is DOWN and before any "Too
 * many open files". There, the diagnosis still answers from the censuses before, and says
 * it is partial.
 */
class DiagnosisBeforeTheLimitTest {

	private static final int LIMIT = 512;

	@Test
	void aWarnLineNamesTheGrowingDirectoryBeforeHealthIsDownAndBeforeAnyTooManyOpenFiles() throws Exception {
		List<String> lines = run();
		String directory = lines.stream()
			.filter((line) -> line.startsWith("DIRECTORY="))
			.findFirst()
			.orElseThrow()
			.substring("DIRECTORY=".length());
		int findings = indexOf(lines,
				"File descriptors growing over the last PT6S, most first: " + directory + " (files-under) +");
		int down = indexOf(lines, "HEALTH=DOWN");
		int tooMany = indexOf(lines, "Too many open files");
		// what the log showed, in order, for the record
		lines.stream()
			.filter((line) -> line.contains("WARN") || line.startsWith("EMFILE") || line.startsWith("DIAGNOSIS")
					|| line.equals(lines.get(Math.max(down, 0))))
			.forEach((line) -> System.out.println("child: " + line));
		assertThat(findings).as("the WARN line naming %s in%n%s", directory, String.join("\n", lines)).isNotNegative();
		assertThat(lines.get(findings)).contains("WARN")
			.contains("FileDescriptorsHealthIndicator")
			.contains("files under this directory opened and not closed");
		assertThat(down).as("health DOWN").isGreaterThan(findings);
		assertThat(tooMany).as("the first Too many open files").isGreaterThan(findings).isGreaterThan(down);
		// at the limit the diagnosis still answers, from the censuses before, and says so
		String atTheLimit = lines.stream()
			.filter((line) -> line.startsWith("DIAGNOSIS_AT_THE_LIMIT="))
			.findFirst()
			.orElseThrow();
		assertThat(atTheLimit).contains(directory + " (files-under) +")
			.contains("(from the censuses before the latest, which failed: Cannot list /proc/self/fd")
			.contains("Too many open files");
		// one findings line per rise: warning, critical, the projection, the limit
		// imminent at the recent rate; never one per probe
		long findingsLines = lines.stream()
			.filter((line) -> line.contains("WARN") && line.contains("File descriptors growing over"))
			.count();
		assertThat(findingsLines).isBetween(1L, 4L);
	}

	private static int indexOf(List<String> lines, String text) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		return -1;
	}

	private static List<String> run() throws IOException, InterruptedException {
		Process child = ChildJvm
			.underLimit(LIMIT, ProcfsStat.forcedPreference(), List.of(), LeakFilesInContext.class, List.of())
			.start();
		try {
			String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
			assertThat(child.exitValue()).as(output).isZero();
			return output.lines().toList();
		}
		finally {
			child.destroyForcibly();
		}
	}

}
