package dev.handlehygiene.restart;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnosis;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnosis.Finding;
import dev.handlehygiene.fd.FileDescriptorSnapshot;
import dev.handlehygiene.fd.RemoteCount;
import dev.handlehygiene.fd.TcpState;

import static org.assertj.core.api.Assertions.assertThat;

class RestartEvidenceTest {

	private static final Health CRITICAL = Health.down()
		.withDetail("open", 930L)
		.withDetail("limit", 1024L)
		.withDetail("usage", 0.908203125)
		.withDetail("level", "critical")
		.withDetail("countMethod", "procfs-stat")
		.build();

	private static final FileDescriptorSnapshot INVENTORY = new FileDescriptorSnapshot(930, Map.of(), List.of(),
			Map.of(TcpState.CLOSE_WAIT, 905, TcpState.ESTABLISHED, 4),
			List.of(new RemoteCount("127.0.0.1:8080", TcpState.CLOSE_WAIT, 900),
					new RemoteCount("127.0.0.1:43210", TcpState.ESTABLISHED, 4),
					new RemoteCount("10.0.0.7:443", TcpState.CLOSE_WAIT, 5)),
			null);

	@Test
	void namesCountLimitUsageAndTheCloseWaitRemotesMostFirst() {
		String line = RestartEvidence.describe(ExitReason.graceElapsed(Duration.ofMillis(30_400)), CRITICAL, INVENTORY,
				5, 75);
		assertThat(line).startsWith("File descriptors DOWN for 30.4s (handle-hygiene.restart.grace): ")
			.contains("open=930, limit=1024, usage=90.8%;")
			.contains("CLOSE_WAIT remotes: 127.0.0.1:8080 x900, 10.0.0.7:443 x5.")
			.contains("exiting with code 75")
			.doesNotContain("43210")
			.doesNotContain("\n");
	}

	@Test
	void includesTheTrendWhenTheIndicatorReportsOne() {
		Health projected = Health.down()
			.withDetails(CRITICAL.getDetails())
			.withDetail("perMinute", 2400.0)
			.withDetail("projectedExhaustion", "PT2.5S")
			.build();
		assertThat(
				RestartEvidence.describe(ExitReason.graceElapsed(Duration.ofSeconds(2)), projected, INVENTORY, 5, 75))
			.contains("usage=90.8%, perMinute=2400.0, projectedExhaustion=PT2.5S;");
	}

	@Test
	void leavesOutATrendTheIndicatorDoesNotReport() {
		assertThat(RestartEvidence.describe(ExitReason.graceElapsed(Duration.ofSeconds(2)), CRITICAL, INVENTORY, 5, 75))
			.doesNotContain("perMinute")
			.doesNotContain("projectedExhaustion");
	}

	@Test
	void saysWhenTheInventoryCouldNotBeRead() {
		FileDescriptorSnapshot failed = new FileDescriptorSnapshot(0, Map.of(), List.of(), Map.of(), List.of(),
				"Cannot list /proc/self/fd: Too many open files");
		assertThat(RestartEvidence.describe(ExitReason.graceElapsed(Duration.ofSeconds(2)), CRITICAL, failed, 5, 75))
			.contains(
					"CLOSE_WAIT remotes: none (inventory incomplete: Cannot list /proc/self/fd: Too many open files)");
	}

	@Test
	void keepsToTheTopRemotes() {
		assertThat(RestartEvidence.describe(ExitReason.graceElapsed(Duration.ofSeconds(2)), CRITICAL, INVENTORY, 1, 75))
			.contains("CLOSE_WAIT remotes: 127.0.0.1:8080 x900.")
			.doesNotContain("10.0.0.7");
	}

	@Test
	void withADiagnosisNamesWhatGrewAfterTheCloseWaitRemotes() {
		FileDescriptorDiagnosis diagnosis = new FileDescriptorDiagnosis(Duration.ofMinutes(10),
				List.of(new Finding("127.0.0.1:8080 CLOSE_WAIT", "tcp", 900, 880, 88, "the peer closed ...",
						List.of("com.acme.Orders.load(Orders.java:42)")),
						new Finding("/srv/reports", "directory", 20, 20, 2, "directory streams ...", List.of())),
				null, null);
		String line = RestartEvidence.describe(ExitReason.graceElapsed(Duration.ofMillis(30_400)), CRITICAL, INVENTORY,
				5, diagnosis, 3, 75);
		assertThat(line).startsWith("File descriptors DOWN for 30.4s (handle-hygiene.restart.grace): ")
			.contains("open=930, limit=1024, usage=90.8%; CLOSE_WAIT remotes: 127.0.0.1:8080 x900, 10.0.0.7:443 x5. "
					+ "File descriptors growing over the last PT10M, most first: "
					+ "127.0.0.1:8080 CLOSE_WAIT (tcp) +880 to 900 (88.0/min): the peer closed ...; "
					+ "at com.acme.Orders.load(Orders.java:42); /srv/reports (directory) +20")
			.contains("exiting with code 75")
			.doesNotContain("\n");
	}

}
