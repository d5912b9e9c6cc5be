package dev.handlehygiene.actuate;

import java.nio.file.Path;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.health.contributor.Status;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.ProcfsStat;
import dev.handlehygiene.fd.UsageThresholds;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class FileDescriptorsHealthIndicatorTest {

	private final FileDescriptorProbe probe = ProcfsStat.probe();

	@Test
	void aRiseIsFollowedByOneWarnLineNamingWhatGrewAndOnlyOnePerRise(@TempDir Path directory, CapturedOutput output)
			throws Exception {
		try (GrowingDirectory leak = new GrowingDirectory(directory).grow(30)) {
			FileDescriptorsHealthIndicator indicator = new FileDescriptorsHealthIndicator(this.probe,
					new UsageThresholds(1e-9, 1.0), leak.sampler(), Duration.ofMinutes(15), leak.diagnostician());
			indicator.health();
			indicator.health();
			List<String> warnings = output.getOut().lines().filter((line) -> line.contains("WARN")).toList();
			assertThat(warnings).hasSize(2);
			assertThat(warnings.get(0)).contains("file descriptors open").contains("at or above the warning threshold");
			assertThat(warnings.get(1)).contains("File descriptors growing over the last PT10M, most first: ")
				.contains(leak.path() + " (files-under) +30")
				.contains("files under this directory opened and not closed");
		}
	}

	@Test
	void isUpWithTheCountAgainstTheLimitBelowTheWarningShare() {
		Health health = new FileDescriptorsHealthIndicator(this.probe, new UsageThresholds(0.7, 0.9)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("level", "ok")
			.containsEntry("countMethod", ProcfsStat.expectedCountMethod().label())
			.containsEntry("limit", this.probe.limit())
			.containsKeys("open", "usage");
		assertThat((long) health.getDetails().get("open")).isPositive();
	}

	@Test
	void staysUpWithLevelWarningAtTheWarningShare() {
		Health health = new FileDescriptorsHealthIndicator(this.probe, new UsageThresholds(1e-9, 1.0)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("level", "warning");
	}

	@Test
	void isDownAtTheCriticalShare() {
		Health health = new FileDescriptorsHealthIndicator(this.probe, new UsageThresholds(1e-9, 2e-9)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("level", "critical");
	}

	@Test
	void isUnknownWhereThePlatformCannotTell(@TempDir Path notProc) {
		Health health = new FileDescriptorsHealthIndicator(new FileDescriptorProbe(notProc),
				new UsageThresholds(0.7, 0.9))
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("countMethod", "unsupported").doesNotContainKey("open");
		assertThat((String) health.getDetails().get("reason")).startsWith("No count method works here")
			.contains(notProc.resolve("self/fd").toString());
	}

}
