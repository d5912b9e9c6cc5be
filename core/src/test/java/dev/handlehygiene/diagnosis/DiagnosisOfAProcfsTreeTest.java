package dev.handlehygiene.diagnosis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnosis.Finding;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.ProcfsTree;
import dev.handlehygiene.fd.UsageThresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole chain on a procfs tree: censuses through the sampler, growth, the rules. A
 * large flat group beside a small growing one: only the growing one is a finding.
 */
class DiagnosisOfAProcfsTreeTest {

	@TempDir
	Path temp;

	@Test
	void aSmallGrowingGroupIsTheFindingBesideALargeFlatOne() throws IOException {
		Path reports = Files.createDirectories(this.temp.resolve("reports"));
		ProcfsTree tree = new ProcfsTree(this.temp.resolve("proc"));
		int fd = 3;
		for (int i = 0; i < 150; i++) {
			tree.link(fd++, "/srv/flat/blob.bin");
		}
		// a 1 ms interval: a census per call, so the test needs no sampling thread
		FileDescriptorSampler sampler = new FileDescriptorSampler(new FileDescriptorProbe(), Duration.ofMillis(1),
				Duration.ofSeconds(30), new FileDescriptorInventory(tree.root()), new UsageThresholds(0.7, 0.9));
		FileDescriptorDiagnostician diagnostician = new FileDescriptorDiagnostician(sampler);
		FileDescriptorDiagnosis before = diagnostician.diagnose();
		assertThat(before.findings()).isEmpty();
		assertThat(before.reason()).contains("one census");
		for (int i = 0; i < 20; i++) {
			tree.link(fd++, reports.toString());
		}
		FileDescriptorDiagnosis after = await().atMost(Duration.ofSeconds(10))
			.until(diagnostician::diagnose, (diagnosis) -> !diagnosis.findings().isEmpty());
		assertThat(after.findings()).extracting(Finding::group).containsExactly(reports.toString());
		Finding finding = after.findings().get(0);
		assertThat(finding.kind()).isEqualTo("directory");
		assertThat(finding.growth()).isEqualTo(20);
		assertThat(finding.open()).isEqualTo(20);
		assertThat(finding.perMinute()).isPositive();
	}

}
