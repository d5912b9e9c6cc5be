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
import dev.handlehygiene.fd.FileDescriptorSampler;

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
	void aSteadyRiseIsDownAsImminentWithTheTimeToTheLimitAndStaysDownThroughAStall() {
		FileDescriptorSampler sampler = new FileDescriptorSampler(this.probe, Duration.ofSeconds(10),
				Duration.ofMinutes(10), () -> 0);
		FileDescriptorsHealthIndicator indicator = new FileDescriptorsHealthIndicator(this.probe,
				new UsageThresholds(0.99, 1.0), sampler, Duration.ofMinutes(15));
		// 9 a second under a limit of 1024, to 574 open: 50 s left, within the 60 s lead
		for (int second = 1; second <= 6; second++) {
			sampler.record(second * 1000L, 520 + 9L * (second - 1) + 9, 1024);
		}
		Health rising = indicator.health(true);
		assertThat(rising.getStatus()).isEqualTo(Status.DOWN);
		assertThat(rising.getDetails()).containsEntry("rule", "imminent").containsEntry("timeToLimit", "PT50S");
		// two seconds without a leak: no longer steady, still on its way to the limit
		sampler.record(7000, 574, 1024);
		sampler.record(8000, 574, 1024);
		Health stalled = indicator.health(true);
		assertThat(stalled.getStatus()).isEqualTo(Status.DOWN);
		assertThat(stalled.getDetails()).containsEntry("rule", "imminent");
		// the leak has stopped
		for (int second = 9; second <= 13; second++) {
			sampler.record(second * 1000L, 574, 1024);
		}
		Health stopped = indicator.health(true);
		assertThat(stopped.getStatus()).isEqualTo(Status.UP);
		assertThat(stopped.getDetails()).doesNotContainKeys("rule", "timeToLimit");
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
