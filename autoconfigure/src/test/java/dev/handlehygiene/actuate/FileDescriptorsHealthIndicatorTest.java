package dev.handlehygiene.actuate;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.ProcfsStat;
import dev.handlehygiene.fd.UsageThresholds;

import static org.assertj.core.api.Assertions.assertThat;

class FileDescriptorsHealthIndicatorTest {

	private final FileDescriptorProbe probe = ProcfsStat.probe();

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
