package dev.handlehygiene.diagnosis;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnosis.Finding;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician.Pool;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician.Pools;
import dev.handlehygiene.fd.FileDescriptorCensus.Group;
import dev.handlehygiene.fd.FileDescriptorCensus.Kind;
import dev.handlehygiene.fd.FileDescriptorGrowth;
import dev.handlehygiene.fd.FileDescriptorGrowth.GroupGrowth;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorType;
import dev.handlehygiene.leak.CallSites;
import dev.handlehygiene.leak.LeakListener;
import dev.handlehygiene.leak.LeakSite;
import dev.handlehygiene.leak.LeakSource;
import dev.handlehygiene.leak.LeakTracker;
import dev.handlehygiene.leak.LeakTrackerSettings;
import dev.handlehygiene.leak.Tracked;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules, on growths written out by hand: which groups are findings (growth, never
 * size; the most specific group), and the cause and sites of each kind.
 */
class FileDescriptorDiagnosticianTest {

	private static final Duration WINDOW = Duration.ofMinutes(10);

	private static final Group FILES = Group.of(FileDescriptorType.FILE);

	private static final Group SOCKETS = Group.of(FileDescriptorType.SOCKET);

	private static final Group PIPES = Group.of(FileDescriptorType.PIPE);

	private static final Group ANON_INODES = Group.of(FileDescriptorType.ANON_INODE);

	private static final Group REPORTS = new Group(Kind.FILES_UNDER, "/srv/reports");

	private static final Group REPORT = new Group(Kind.FILE, "/srv/reports/today.csv");

	@Test
	void findingsAreOrderedByGrowthNeverBySize() {
		Group big = new Group(Kind.DIRECTORY, "/srv/archive");
		Group small = new Group(Kind.TCP, "127.0.0.1:8081 CLOSE_WAIT");
		FileDescriptorDiagnosis diagnosis = diagnose(grew(big, 900, 10), grew(small, 60, 50), grew(FILES, 1000, 10),
				grew(SOCKETS, 70, 50));
		assertThat(diagnosis.findings()).extracting(Finding::group).containsExactly(small.name(), big.name());
		assertThat(diagnosis.findings().get(0).open()).isEqualTo(60);
		assertThat(diagnosis.reason()).isNull();
	}

	@Test
	void withNothingGrowingThereAreNoFindingsAndAReason() {
		assertThat(diagnose(growth(0, List.of())).reason()).contains("no census");
		assertThat(diagnose(growth(1, List.of())).reason()).contains("one census");
		FileDescriptorDiagnosis flat = diagnose(growth(2, List.of()));
		assertThat(flat.findings()).isEmpty();
		assertThat(flat.reason()).contains("no group grew").contains("PT10M apart");
		assertThat(flat.summary(3)).startsWith("No group of file descriptors grew over the last PT10M: no group grew");
	}

	@Test
	void withoutAnyCensusTheErrorIsTheReasonAndNothingIsPartial() {
		FileDescriptorGrowth none = new FileDescriptorGrowth(WINDOW, 0, null, List.of(),
				"This sampler takes no census: it was built without an inventory");
		FileDescriptorDiagnosis diagnosis = diagnose(none);
		assertThat(diagnosis.partial()).isFalse();
		assertThat(diagnosis.reason()).isEqualTo("This sampler takes no census: it was built without an inventory");
		FileDescriptorDiagnosis sampler = new FileDescriptorDiagnostician(
				new FileDescriptorSampler(new FileDescriptorProbe(), Duration.ofSeconds(10), WINDOW))
			.diagnose();
		assertThat(sampler.partial()).isFalse();
		assertThat(sampler.reason()).contains("takes no census");
		assertThat(sampler.window()).isEqualTo(WINDOW);
	}

	@Test
	void aTypeAndADirectoryWhoseGrowthOneFileExplainsGiveWayToThatFile() {
		FileDescriptorDiagnosis diagnosis = diagnose(grew(FILES, 400, 100), grew(REPORTS, 101, 100),
				grew(REPORT, 99, 98));
		assertThat(diagnosis.findings()).extracting(Finding::group).containsExactly(REPORT.name());
		assertThat(diagnosis.findings().get(0).kind()).isEqualTo("file");
	}

	@Test
	void aDirectoryWhereManyFilesGrewByOneEachIsOneFindingNotOneEach() {
		List<GroupGrowth> groups = new ArrayList<>(List.of(grew(FILES, 400, 100), grew(REPORTS, 100, 100)));
		for (int i = 0; i < 100; i++) {
			groups.add(grew(new Group(Kind.FILE, "/srv/reports/" + i + ".csv"), 1, 1));
		}
		FileDescriptorDiagnosis diagnosis = diagnose(growth(5, groups));
		assertThat(diagnosis.findings()).extracting(Finding::group).containsExactly(REPORTS.name());
		assertThat(diagnosis.findings().get(0).kind()).isEqualTo("files-under");
	}

	@Test
	void aTypeWhoseGrowthTwoGroupsExplainGivesWayToBoth() {
		Group outbound = new Group(Kind.TCP, "127.0.0.1:9092 ESTABLISHED");
		Group accepted = new Group(Kind.TCP_ACCEPTED, "accepted on :9092 ESTABLISHED");
		FileDescriptorDiagnosis diagnosis = diagnose(grew(SOCKETS, 50, 40), grew(outbound, 21, 20),
				grew(accepted, 20, 20));
		assertThat(diagnosis.findings()).extracting(Finding::group)
			.containsExactlyInAnyOrder(outbound.name(), accepted.name());
	}

	@Test
	void aFindingOverManySmallGroupsKeepsTheFinerGroupsThatHoldATenthOfItsGrowth() {
		Group closeWait = new Group(Kind.TCP, "127.0.0.1:8081 CLOSE_WAIT");
		List<GroupGrowth> groups = new ArrayList<>(List.of(grew(SOCKETS, 120, 100), grew(closeWait, 19, 19)));
		for (int i = 0; i < 81; i++) {
			groups.add(grew(new Group(Kind.TCP, "10.0.0." + i + ":443 ESTABLISHED"), 1, 1));
		}
		FileDescriptorDiagnosis diagnosis = diagnose(growth(5, groups));
		assertThat(diagnosis.findings()).extracting(Finding::group).containsExactly("socket", closeWait.name());
		assertThat(diagnosis.findings().get(0).cause()).contains("spread over many remotes");
	}

	@Test
	void pipesThatGrewWithTheSelectorsAreTheirWakeUpPipesAndPipesAloneAreChildProcesses() {
		FileDescriptorDiagnosis selectors = diagnose(grew(ANON_INODES, 24, 20), grew(Group.SELECTORS, 24, 20),
				grew(PIPES, 40, 40));
		assertThat(selectors.findings()).extracting(Finding::group).containsExactly("selectors");
		assertThat(selectors.findings().get(0).cause()).contains("with 40 wake-up pipes");
		FileDescriptorDiagnosis processes = diagnose(grew(PIPES, 33, 30));
		assertThat(processes.findings()).extracting(Finding::group).containsExactly("pipe");
		assertThat(processes.findings().get(0).cause()).contains("child processes")
			.contains("ProcessBuilder")
			.contains("close the streams");
	}

	@Test
	void closeWaitToOneRemoteNamesTheLinesThatHoldResponsesFromIt() {
		LeakTracker tracker = new LeakTracker("http.client.response",
				new LeakTrackerSettings(1.0, Duration.ofMinutes(1), false, 100),
				new CallSites(List.of("dev.handlehygiene.leak.", "java.", "jdk.", "org.junit.", "org.assertj."), 16));
		List<Object> owners = new ArrayList<>();
		List<Tracked> open = new ArrayList<>();
		open.add(request(tracker, owners, "GET 127.0.0.1:8081/orders"));
		open.add(request(tracker, owners, "GET localhost:8081/stock"));
		open.add(otherRequest(tracker, owners, "GET 127.0.0.1:9999/other"));
		Group closeWait = new Group(Kind.TCP, "127.0.0.1:8081 CLOSE_WAIT");
		FileDescriptorDiagnosis diagnosis = new FileDescriptorDiagnostician(() -> growth(grew(closeWait, 2, 2)),
				() -> growth(0, List.of()), List.of(tracker), Pools.NONE)
			.diagnose();
		Finding finding = diagnosis.findings().get(0);
		assertThat(finding.cause()).startsWith("the peer closed these connections and this process did not")
			.contains("retrieve()");
		// both requests to that remote, by address and by localhost, come from request()
		assertThat(finding.sites()).singleElement()
			.asString()
			.startsWith(FileDescriptorDiagnosticianTest.class.getName() + ".request(");
		open.forEach(Tracked::close);
		assertThat(owners).hasSize(3);
	}

	@Test
	void establishedToADatabaseNamesItsPoolAndTheLinesHoldingItsConnections() {
		LeakSource jdbc = new SitesOnly(
				new LeakSite("com.acme.Orders.load(Orders.java:42)", "orders", 1, 1, List.of(), List.of()),
				new LeakSite("com.acme.Old.gone(Old.java:7)", "orders", 3, 0, List.of(), List.of()),
				new LeakSite("com.acme.Billing.pay(Billing.java:9)", "billing", 1, 1, List.of(), List.of()));
		Pools pools = () -> List.of(new Pool("orders", "localhost", 5432, 12, 14, 60),
				new Pool("billing", "10.0.0.5", 5432, 1, 1, 10));
		Group established = new Group(Kind.TCP, "127.0.0.1:5432 ESTABLISHED");
		Finding finding = new FileDescriptorDiagnostician(() -> growth(grew(established, 14, 12)),
				() -> growth(0, List.of()), List.of(jdbc), pools)
			.diagnose()
			.findings()
			.get(0);
		assertThat(finding.cause()).startsWith("connections of pool 'orders' (12 active of 14 open, at most 60)")
			.contains("borrowed and not closed");
		assertThat(finding.sites()).containsExactly("com.acme.Orders.load(Orders.java:42)",
				"com.acme.Old.gone(Old.java:7)");
	}

	@Test
	void establishedToAnotherRemoteIsConnectionsKeptWithNoSite() {
		Finding finding = diagnose(grew(new Group(Kind.TCP, "10.1.2.3:443 ESTABLISHED"), 30, 30)).findings().get(0);
		assertThat(finding.cause()).startsWith("connections to this remote kept open").contains("share one client");
		assertThat(finding.sites()).isEmpty();
	}

	@Test
	void selectorsCountTheLiveSelectorThreadsOfTheClientsBuiltAndGiveTheFix() {
		List<HttpClient> clients = List.of(HttpClient.newHttpClient(), HttpClient.newHttpClient());
		Finding finding = diagnose(grew(ANON_INODES, 10, 4), grew(Group.SELECTORS, 8, 4)).findings().get(0);
		assertThat(finding.group()).isEqualTo("selectors");
		assertThat(finding.cause()).contains("client built per call")
			.containsPattern("live client selector threads: \\d+ JDK HttpClient")
			.contains("build one client and share it as a bean");
		assertThat(clients).hasSize(2);
	}

	@Test
	void filesDirectoriesAndDirectoryStreamsEachHaveTheirCause() {
		assertThat(causeOf(REPORT)).startsWith("streams on this file opened and not closed").contains("Files.lines");
		assertThat(causeOf(REPORTS)).startsWith("files under this directory opened and not closed");
		assertThat(causeOf(new Group(Kind.DIRECTORY, "/srv/reports")))
			.startsWith("directory streams opened and not closed (Files.list, Files.walk, newDirectoryStream)")
			.contains("no garbage collection closes");
	}

	@Test
	void listeningUdpAndUnrecognisedGroupsAreNamedByTheGroupAlone() {
		assertThat(causeOf(new Group(Kind.TCP_LISTEN, "LISTEN :8080"))).startsWith("listening sockets opened");
		assertThat(causeOf(Group.UDP_SOCKETS)).startsWith("UDP sockets opened and not closed");
		assertThat(causeOf(Group.of(FileDescriptorType.OTHER))).startsWith("descriptors the kernel names outside");
		assertThat(causeOf(new Group(Kind.ANON_INODE, "anon_inode:[signalfd]")))
			.isEqualTo("descriptors of this kind opened and not closed");
	}

	@Test
	void noCauseNamesItsPathOrAddress() {
		for (Group group : List.of(REPORT, REPORTS, new Group(Kind.DIRECTORY, "/srv/reports"),
				new Group(Kind.TCP, "127.0.0.1:8081 CLOSE_WAIT"), new Group(Kind.TCP, "127.0.0.1:5432 ESTABLISHED"),
				new Group(Kind.TCP_ACCEPTED, "accepted on :8080 CLOSE_WAIT"),
				new Group(Kind.TCP_LISTEN, "LISTEN :8080"))) {
			assertThat(causeOf(group)).doesNotContain("/srv").doesNotContain("127.0.0.1").doesNotContain("8080");
		}
	}

	@Test
	void theSummaryNamesTheTopFindingsWithTheirGroupGrowthCauseAndFirstSite() {
		FileDescriptorDiagnosis diagnosis = new FileDescriptorDiagnosis(WINDOW,
				List.of(new Finding("/srv/reports", "directory", 412, 380, 38.04, "directory streams ...", List.of()),
						new Finding("127.0.0.1:8081 CLOSE_WAIT", "tcp", 40, 40, 4, "the peer closed ...",
								List.of("com.acme.Orders.load(Orders.java:42)", "com.acme.Other.x(Other.java:1)")),
						new Finding("pipe", "type", 9, 9, 0.9, "pipes ...", List.of())),
				null, null);
		assertThat(diagnosis.summary(2)).isEqualTo("File descriptors growing over the last PT10M, most first: "
				+ "/srv/reports (directory) +380 to 412 (38.0/min): directory streams ...; "
				+ "127.0.0.1:8081 CLOSE_WAIT (tcp) +40 to 40 (4.0/min): the peer closed ...; "
				+ "at com.acme.Orders.load(Orders.java:42); and 1 more at /actuator/fdleaks/diagnosis");
		assertThat(diagnosis.withError("Too many open files").summary(1))
			.endsWith("(from the censuses before the latest, which failed: Too many open files)");
	}

	@Test
	void neverThrowsButAnswersFromTheLastFindingsAndSaysSo() {
		Group directory = new Group(Kind.DIRECTORY, "/srv/reports");
		boolean[] failing = { false };
		FileDescriptorDiagnostician diagnostician = new FileDescriptorDiagnostician(() -> {
			if (failing[0]) {
				throw new InternalError("errno: 24 Too many open files");
			}
			return growth(grew(directory, 10, 10));
		}, () -> growth(0, List.of()), List.of(), Pools.NONE);
		assertThat(diagnostician.diagnose().findings()).hasSize(1);
		failing[0] = true;
		FileDescriptorDiagnosis atTheLimit = diagnostician.diagnose();
		assertThat(atTheLimit.partial()).isTrue();
		assertThat(atTheLimit.error()).contains("Too many open files");
		assertThat(atTheLimit.findings()).extracting(Finding::group).containsExactly(directory.name());
	}

	@Test
	void aFailedCensusIsAPartialDiagnosisOfTheCensusesBefore() {
		Group directory = new Group(Kind.DIRECTORY, "/srv/reports");
		FileDescriptorGrowth failed = new FileDescriptorGrowth(WINDOW, 3, WINDOW, List.of(grew(directory, 10, 10)),
				"Cannot list /proc/self/fd: Too many open files");
		FileDescriptorDiagnosis diagnosis = new FileDescriptorDiagnostician(() -> failed, () -> failed, List.of(),
				Pools.NONE)
			.diagnose();
		assertThat(diagnosis.partial()).isTrue();
		assertThat(diagnosis.findings()).hasSize(1);
	}

	@Test
	void listsAtMostTenFindings() {
		List<GroupGrowth> groups = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			groups.add(grew(new Group(Kind.DIRECTORY, "/srv/" + i), 100 - i, 100 - i));
		}
		assertThat(diagnose(growth(3, groups)).findings()).hasSize(FileDescriptorDiagnostician.MAX_FINDINGS);
	}

	private static String causeOf(Group group) {
		return diagnose(grew(group, 10, 10)).findings().get(0).cause();
	}

	private static Tracked request(LeakTracker tracker, List<Object> owners, String description) {
		Object owner = new Object();
		owners.add(owner);
		return tracker.track(owner, () -> {
		}, description);
	}

	private static Tracked otherRequest(LeakTracker tracker, List<Object> owners, String description) {
		Object owner = new Object();
		owners.add(owner);
		return tracker.track(owner, () -> {
		}, description);
	}

	private static FileDescriptorDiagnosis diagnose(GroupGrowth... groups) {
		return diagnose(growth(groups));
	}

	private static FileDescriptorDiagnosis diagnose(FileDescriptorGrowth growth) {
		return new FileDescriptorDiagnostician(() -> growth, () -> growth, List.of(), Pools.NONE).diagnose();
	}

	static FileDescriptorGrowth growth(GroupGrowth... groups) {
		return growth(3, Arrays.asList(groups));
	}

	static FileDescriptorGrowth growth(int censuses, List<GroupGrowth> groups) {
		List<GroupGrowth> sorted = new ArrayList<>(groups);
		sorted.sort((a, b) -> Integer.compare(b.growth(), a.growth()));
		return new FileDescriptorGrowth(WINDOW, censuses, (censuses >= 2) ? WINDOW : null, sorted, null);
	}

	static GroupGrowth grew(Group group, int open, int growth) {
		return new GroupGrowth(group, open, growth, growth / 10.0);
	}

	/** A leak source that has only sites, as the JDBC registry. */
	private record SitesOnly(List<LeakSite> all) implements LeakSource {

		SitesOnly(LeakSite... sites) {
			this(List.of(sites));
		}

		@Override
		public String resource() {
			return "jdbc.connection";
		}

		@Override
		public long open() {
			return -1;
		}

		@Override
		public long suspected() {
			return 0;
		}

		@Override
		public long leaked() {
			return 0;
		}

		@Override
		public long leaked(String pool) {
			return 0;
		}

		@Override
		public Set<String> pools() {
			return Set.of();
		}

		@Override
		public List<LeakSite> sites() {
			return this.all;
		}

		@Override
		public void addListener(LeakListener listener) {
		}

		@Override
		public List<String> openSites(Predicate<String> description) {
			return List.of();
		}

	}

}
