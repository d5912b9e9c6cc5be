package dev.handlehygiene.actuate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.Show;

import dev.handlehygiene.actuate.FileDescriptorLeaksReport.DiagnosisSection;
import dev.handlehygiene.actuate.FileDescriptorLeaksReport.DiagnosisSection.Finding;
import dev.handlehygiene.audit.AuditedSetting;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.ProcfsTree;
import dev.handlehygiene.fd.UsageThresholds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each section reads only what it shows, counted through the real collaborators: the
 * inventory on a built procfs tree tells of every link and table it reads, and the real
 * settings audit runs an auditor that counts its runs.
 */
class FileDescriptorLeaksSectionsTest {

	@TempDir
	Path temp;

	private final List<Path> reads = new ArrayList<>();

	private final AtomicInteger audits = new AtomicInteger();

	private final SettingsAudit audit = new SettingsAudit(List.of(() -> {
		this.audits.incrementAndGet();
		return List.of(new AuditedSetting("server.tomcat.connection-timeout", "10s", "handle-hygiene default", "ok",
				"Tomcat connector http-nio-8080"));
	}));

	@Test
	void settingsListsNoDescriptorAndTcpRunsNoAudit() throws IOException {
		FileDescriptorLeaksEndpoint endpoint = endpoint(tree().root());

		endpoint.section("settings", true);
		assertThat(this.reads).as("reads for settings").isEmpty();
		assertThat(this.audits).as("audits for settings").hasValue(1);

		endpoint.section("tcp", true);
		assertThat(this.audits).as("audits after tcp").hasValue(1);
		assertThat(this.reads).as("reads for tcp").hasSize(3 + 1);
	}

	@Test
	void trendAndLeaksReadNeitherTheDescriptorsNorTheSettings() throws IOException {
		FileDescriptorLeaksEndpoint endpoint = endpoint(tree().root());
		for (String section : List.of("trend", "leaks")) {
			assertThat(endpoint.section(section, true)).as(section).containsKey(section);
		}
		assertThat(this.reads).isEmpty();
		assertThat(this.audits).hasValue(0);
	}

	@Test
	void typesAndFilesListButReadNoTcpTableAndRunNoAudit() throws IOException {
		ProcfsTree tree = tree();
		FileDescriptorLeaksEndpoint endpoint = endpoint(tree.root());
		for (String section : List.of("types", "files")) {
			this.reads.clear();
			endpoint.section(section, true);
			assertThat(this.reads).as(section).hasSize(3).allMatch((path) -> path.startsWith(tree.fd()));
		}
		assertThat(this.audits).hasValue(0);
	}

	@Test
	void anUnknownOrMissingNameReadsNothing() throws IOException {
		FileDescriptorLeaksEndpoint endpoint = endpoint(tree().root());
		assertThat(endpoint.section("sockets", true)).isNull();
		assertThat(endpoint.section(null, true)).isNull();
		assertThat(endpoint.fdLeaksSection("TCP")).isNull();
		assertThat(this.reads).isEmpty();
		assertThat(this.audits).hasValue(0);
	}

	@Test
	void hiddenFilesListNothing() throws IOException {
		Map<String, Object> files = endpoint(tree().root()).section("files", false);
		assertThat(files).containsEntry("files", List.of()).containsKey("hiddenDetails");
		assertThat(this.reads).isEmpty();
	}

	@Test
	void aFailedListingMakesTheFullReportAndTheListingSectionsPartialButNotSettings() {
		FileDescriptorLeaksEndpoint endpoint = endpoint(this.temp.resolve("no-proc"));

		FileDescriptorLeaksReport report = endpoint.report(true);
		assertThat(report.partial()).isTrue();
		assertThat(report.inventoryError()).startsWith("Cannot list ");
		for (String section : List.of("types", "tcp", "files")) {
			assertThat(endpoint.section(section, true)).as(section)
				.containsEntry("partial", true)
				.hasEntrySatisfying("inventoryError", (error) -> assertThat((String) error).startsWith("Cannot list "));
		}
		for (String section : List.of("settings", "trend", "leaks")) {
			assertThat(endpoint.section(section, true)).as(section).doesNotContainKeys("partial", "inventoryError");
		}
	}

	@Test
	void aCompleteReportOmitsPartial() throws IOException {
		FileDescriptorLeaksReport report = endpoint(tree().root()).report(true);
		assertThat(report.partial()).isNull();
		assertThat(report.inventoryError()).isNull();
		assertThat(report.types()).containsEntry("socket", 1).containsEntry("file", 2);
	}

	@Test
	void diagnosisTakesAtMostOneCensusPerIntervalAndRunsNoAudit() throws IOException {
		ProcfsTree tree = tree();
		FileDescriptorSampler sampler = new FileDescriptorSampler(new FileDescriptorProbe(), Duration.ofSeconds(10),
				Duration.ofMinutes(10), new FileDescriptorInventory(tree.root(), this.reads::add),
				new UsageThresholds(0.7, 0.9));
		FileDescriptorLeaksEndpoint endpoint = new FileDescriptorLeaksEndpoint(new FileDescriptorProbe(),
				new FileDescriptorInventory(tree.root()), new UsageThresholds(0.7, 0.9), this.audit, List.of(), sampler,
				new FileDescriptorDiagnostician(sampler), Show.ALWAYS, 20);
		Map<String, Object> first = endpoint.section("diagnosis", true);
		assertThat(this.reads).as("one census: 3 links and the tcp table").hasSize(3 + 1);
		endpoint.section("diagnosis", true);
		endpoint.section("diagnosis", false);
		assertThat(this.reads).as("no second census within the interval").hasSize(3 + 1);
		assertThat(this.audits).hasValue(0);
		DiagnosisSection diagnosis = (DiagnosisSection) first.get("diagnosis");
		assertThat(diagnosis.window()).isEqualTo("PT10M");
		assertThat(diagnosis.findings()).isEmpty();
		assertThat(diagnosis.reason()).contains("one census");
	}

	@Test
	void diagnosisHidesGroupsAndSitesWithDetailsHiddenButKeepsKindGrowthAndCause(@TempDir Path directory)
			throws IOException {
		try (GrowingDirectory leak = new GrowingDirectory(directory).grow(25)) {
			FileDescriptorLeaksEndpoint endpoint = new FileDescriptorLeaksEndpoint(new FileDescriptorProbe(),
					new FileDescriptorInventory(), new UsageThresholds(0.7, 0.9), this.audit, List.of(), leak.sampler(),
					leak.diagnostician(), Show.NEVER, 20);
			Map<String, Object> hidden = endpoint.fdLeaksSection("diagnosis");
			Finding finding = ((DiagnosisSection) hidden.get("diagnosis")).findings().get(0);
			assertThat(finding.group()).isNull();
			assertThat(finding.sites()).isNull();
			assertThat(finding.kind()).isEqualTo("files-under");
			assertThat(finding.growth()).isEqualTo(25);
			assertThat(finding.open()).isGreaterThanOrEqualTo(25);
			assertThat(finding.cause()).startsWith("files under this directory").doesNotContain(leak.path());
			assertThat(hidden).containsKey("hiddenDetails");
			Finding shown = endpoint.report(true).diagnosis().findings().get(0);
			assertThat(shown.group()).isEqualTo(leak.path());
			assertThat(shown.sites()).isEmpty();
		}
	}

	@Test
	void theWholeReportHoldsAtMostTwoDescriptorsOfItsOwnOnTheRealProc() {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		long fewestExtra = Long.MAX_VALUE;
		// another thread of this JVM opening a descriptor meanwhile only adds: the least
		// of a few runs is the report's
		for (int attempt = 0; attempt < 5 && fewestExtra > 2; attempt++) {
			AtomicLong peak = new AtomicLong();
			FileDescriptorLeaksEndpoint endpoint = new FileDescriptorLeaksEndpoint(probe,
					new FileDescriptorInventory(Path.of("/proc"),
							(path) -> peak.accumulateAndGet(probe.count(), Math::max)),
					new UsageThresholds(0.7, 0.9), this.audit, List.of(), Show.ALWAYS, 20);
			long before = probe.count();
			FileDescriptorLeaksReport report = endpoint.fdLeaks();
			assertThat(report.partial()).isNull();
			fewestExtra = Math.min(fewestExtra, peak.get() - before);
		}
		assertThat(fewestExtra).isBetween(1L, 2L);
	}

	private ProcfsTree tree() throws IOException {
		return new ProcfsTree(this.temp).link(3, "socket:[111]")
			.link(4, "/var/log/a.log")
			.link(5, "/var/log/a.log")
			.table("tcp", "0100007F:C350 0100007F:1F90 08 111");
	}

	private FileDescriptorLeaksEndpoint endpoint(Path procRoot) {
		FileDescriptorSampler sampler = new FileDescriptorSampler(new FileDescriptorProbe(), Duration.ofSeconds(10),
				Duration.ofMinutes(10));
		return new FileDescriptorLeaksEndpoint(new FileDescriptorProbe(),
				new FileDescriptorInventory(procRoot, this.reads::add), new UsageThresholds(0.7, 0.9), this.audit,
				List.of(), sampler, Show.ALWAYS, 20);
	}

}
