package dev.handlehygiene.actuate;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each cause the diagnosis recognises, produced for real on a real server over loopback,
 * beside a larger flat group: {@value #FLAT} descriptors on one file, opened before any
 * context starts and held to the end. Each passes only when the growing group is the
 * first finding of {@code /actuator/fdleaks/diagnosis}, and, where the starter tracks the
 * resource, when that finding names the line of this test that holds it. Every context
 * samples every 200 ms over a 3 s window, and waits until its start-up has left the
 * window (no finding) before it leaks.
 */
class DiagnosisIntegrationTest {

	static final int FLAT = 150;

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	private static final String PROPERTIES = "management.endpoints.web.exposure.include=health,fdleaks";

	private static final String DETAILS = "management.endpoint.fdleaks.show-details=always";

	private static final String INTERVAL = "handle-hygiene.fd.sample-interval=200ms";

	/**
	 * Longer than any leak here takes on a loaded machine, so that each leak is measured
	 * whole.
	 */
	private static final String WINDOW = "handle-hygiene.fd.trend-window=10s";

	private static final List<AutoCloseable> flat = new ArrayList<>();

	private static Path flatFile;

	@BeforeAll
	static void openTheFlatGroup() throws IOException {
		flatFile = Files.createTempFile("handle-hygiene-flat", ".bin");
		for (int i = 0; i < FLAT; i++) {
			flat.add(new FileInputStream(flatFile.toFile()));
		}
	}

	@AfterAll
	static void closeTheFlatGroup() throws Exception {
		for (AutoCloseable closeable : flat) {
			closeable.close();
		}
		flat.clear();
		Files.deleteIfExists(flatFile);
	}

	/**
	 * Reads the diagnosis over HTTP with one JDK client, whose own selector and
	 * connection are opened before the steady state is awaited.
	 */
	abstract static class Cause {

		final List<AutoCloseable> leaked = new ArrayList<>();

		@LocalServerPort
		int port;

		ActuatorClient actuator;

		@BeforeEach
		void awaitTheSteadyState() {
			this.actuator = new ActuatorClient(this.port);
			// start-up's own growth leaves the window, and the flat group never grew in
			// it
			await("no finding before the leak").atMost(DEADLINE)
				.pollInterval(Duration.ofMillis(200))
				.until(this::diagnosis, (diagnosis) -> diagnosis.get("findings").isEmpty()
						&& diagnosis.path("reason").asString().startsWith("no group grew between the two censuses"));
		}

		@AfterEach
		void closeTheLeak() throws Exception {
			for (AutoCloseable closeable : this.leaked) {
				closeable.close();
			}
		}

		JsonNode diagnosis() {
			return this.actuator.body("/actuator/fdleaks/diagnosis").get("diagnosis");
		}

		/** The first finding, once it is the group wanted and meets the condition. */
		JsonNode firstFinding(String group, Predicate<JsonNode> condition) {
			JsonNode diagnosis = await("first finding " + group).atMost(DEADLINE)
				.pollInterval(Duration.ofMillis(200))
				.until(this::diagnosis,
						(body) -> !body.get("findings").isEmpty()
								&& body.get("findings").get(0).get("group").asString().equals(group)
								&& condition.test(body.get("findings").get(0)));
			// the flat group, larger than any growth here, is no finding at all
			assertThat(diagnosis.get("findings").toString()).doesNotContain(flatFile.getFileName().toString());
			assertThat(diagnosis.get("window").asString()).isEqualTo("PT10S");
			return diagnosis.get("findings").get(0);
		}

		static boolean grewBy(JsonNode finding, int growth) {
			return finding.get("growth").asInt() >= growth;
		}

		static List<String> sites(JsonNode finding) {
			List<String> sites = new ArrayList<>();
			finding.get("sites").forEach((site) -> sites.add(site.asString()));
			return sites;
		}

		static int nextLine() {
			return new Throwable().getStackTrace()[1].getLineNumber() + 1;
		}

	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { PROPERTIES, DETAILS, INTERVAL, WINDOW, "spring.http.clients.imperative.factory=simple",
					"handle-hygiene.leaks.http-client.sampling=1.0" })
	@DirtiesContext
	class ResponsesNotClosed extends Cause {

		@Autowired
		RestClient.Builder builder;

		@Test
		void closeWaitToTheUpstreamIsTheFirstFindingWithTheLineThatHoldsTheResponses() {
			RestClient client = this.builder.build();
			int line = holdResponses(client, "http://127.0.0.1:" + this.port + "/upstream", 40);
			String group = "127.0.0.1:" + this.port + " CLOSE_WAIT";
			String site = DiagnosisIntegrationTest.class.getName() + "$ResponsesNotClosed.holdResponses("
					+ "DiagnosisIntegrationTest.java:" + line + ")";
			JsonNode finding = firstFinding(group, (first) -> grewBy(first, 40) && sites(first).contains(site));
			assertThat(finding.get("kind").asString()).isEqualTo("tcp");
			assertThat(finding.get("cause").asString())
				.startsWith("the peer closed these connections and this process did not");
		}

		/** Takes responses and keeps them, unclosed; returns the line that takes them. */
		int holdResponses(RestClient client, String uri, int count) {
			int line = 0;
			for (int i = 0; i < count; i++) {
				line = nextLine();
				ClientHttpResponse response = client.get().uri(uri).exchange((request, exchanged) -> exchanged, false);
				this.leaked.add(response);
			}
			return line;
		}

	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { PROPERTIES, DETAILS, INTERVAL, WINDOW, "spring.datasource.hikari.pool-name=orders",
					"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.maximum-pool-size=60",
					"spring.datasource.hikari.leak-detection-threshold=2000" })
	@DirtiesContext
	class ConnectionsKept extends Cause {

		/** An H2 TCP server in a JVM of its own, as a database is another process. */
		static Process database;

		static int databasePort;

		@Autowired
		DataSource dataSource;

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			registry.add("spring.datasource.url",
					() -> "jdbc:h2:tcp://localhost:" + startDatabase() + "/mem:orders;DB_CLOSE_DELAY=-1");
		}

		@AfterAll
		static void stopDatabase() throws InterruptedException {
			if (database != null) {
				database.destroy();
				database.waitFor(10, TimeUnit.SECONDS);
			}
		}

		static synchronized int startDatabase() {
			try {
				return startDatabaseOnce();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static int startDatabaseOnce() throws IOException {
			if (database == null) {
				try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
					databasePort = free.getLocalPort();
				}
				String h2 = Path
					.of(URI.create(
							org.h2.tools.Server.class.getProtectionDomain().getCodeSource().getLocation().toString()))
					.toString();
				String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
				database = new ProcessBuilder(java, "-cp", h2, "org.h2.tools.Server", "-tcp", "-tcpPort",
						String.valueOf(databasePort), "-ifNotExists")
					.redirectErrorStream(true)
					.start();
				BufferedReader output = new BufferedReader(
						new InputStreamReader(database.getInputStream(), StandardCharsets.UTF_8));
				String line;
				while ((line = output.readLine()) != null && !line.contains("TCP server running")) {
					// the banner says when it accepts
				}
			}
			return databasePort;
		}

		@Test
		void establishedToTheDatabaseIsTheFirstFindingWithThePoolAndTheLineThatHoldsTheConnections()
				throws SQLException {
			int line = holdConnections(30);
			String group = "127.0.0.1:" + databasePort + " ESTABLISHED";
			String site = DiagnosisIntegrationTest.class.getName() + "$ConnectionsKept.holdConnections("
					+ "DiagnosisIntegrationTest.java:" + line + ")";
			// HikariCP reports a held connection after its 2 s threshold: then the line
			// is
			// known
			JsonNode finding = firstFinding(group, (first) -> grewBy(first, 30) && sites(first).contains(site));
			assertThat(finding.get("kind").asString()).isEqualTo("tcp");
			assertThat(finding.get("cause").asString()).startsWith("connections of pool 'orders' (")
				.contains("borrowed and not closed");
		}

		/** Borrows connections and keeps them; returns the line that borrows them. */
		int holdConnections(int count) throws SQLException {
			int line = 0;
			for (int i = 0; i < count; i++) {
				line = nextLine();
				Connection connection = this.dataSource.getConnection();
				this.leaked.add(connection);
			}
			return line;
		}

	}

	/**
	 * A JDK client per call, in a context of its own: a JDK 17 client cannot be closed,
	 * so its selector stays until a collection, which would hold up the next test's
	 * steady state.
	 */
	@Nested
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { PROPERTIES, DETAILS, INTERVAL, WINDOW })
	@DirtiesContext
	class AClientPerCall extends Cause {

		@Test
		void selectorsAreTheFirstFindingWithTheLiveClientSelectorThreads() {
			List<HttpClient> clients = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				// a new client per call, kept: building one opens its selector and starts
				// its selector thread, which stay while the client is reachable (a
				// request
				// adds only a connection, which the upstream closes)
				clients.add(HttpClient.newHttpClient());
			}
			JsonNode finding = firstFinding("selectors", (first) -> grewBy(first, 60));
			assertThat(finding.get("kind").asString()).isEqualTo("selectors");
			assertThat(finding.get("cause").asString())
				.containsPattern("live client selector threads: \\d+ JDK HttpClient")
				.contains("build one client and share it as a bean");
			assertThat(clients).hasSize(30);
		}

	}

	/**
	 * Files, directories, processes and datagrams, which the starter does not track.
	 */
	@Nested
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { PROPERTIES, DETAILS, INTERVAL, WINDOW })
	@DirtiesContext
	class Untracked extends Cause {

		@Test
		void linesOfOneFileKeptOpenAreTheFirstFindingByItsPath() throws IOException {
			Path file = Files.writeString(Files.createTempDirectory("handle-hygiene-lines").resolve("orders.csv"),
					"a\nb\n");
			for (int i = 0; i < 60; i++) {
				Stream<String> lines = Files.lines(file);
				this.leaked.add(lines);
			}
			JsonNode finding = firstFinding(file.toRealPath().toString(), (first) -> grewBy(first, 60));
			assertThat(finding.get("kind").asString()).isEqualTo("file");
			assertThat(finding.get("cause").asString()).startsWith("streams on this file opened and not closed");
		}

		@Test
		void filesKeptOpenUnderOneDirectoryAreTheFirstFindingByTheDirectory() throws IOException {
			Path directory = Files.createTempDirectory("handle-hygiene-files");
			for (int i = 0; i < 60; i++) {
				Path file = Files.writeString(directory.resolve("report-" + i + ".csv"), "a\n");
				this.leaked.add(Files.lines(file));
			}
			JsonNode finding = firstFinding(directory.toRealPath().toString(), (first) -> grewBy(first, 60));
			assertThat(finding.get("kind").asString()).isEqualTo("files-under");
			assertThat(finding.get("cause").asString()).startsWith("files under this directory opened and not closed");
		}

		@Test
		void directoryStreamsNeverClosedAreTheFirstFindingByTheDirectory() throws IOException {
			Path directory = Files.createTempDirectory("handle-hygiene-listed");
			Files.writeString(directory.resolve("one.csv"), "a\n");
			for (int i = 0; i < 40; i++) {
				Stream<Path> listing = Files.list(directory);
				this.leaked.add(listing);
			}
			JsonNode finding = firstFinding(directory.toRealPath().toString(), (first) -> grewBy(first, 40));
			assertThat(finding.get("kind").asString()).isEqualTo("directory");
			assertThat(finding.get("cause").asString())
				.startsWith("directory streams opened and not closed (Files.list, Files.walk, newDirectoryStream)");
		}

		@Test
		void pipesOfChildProcessesAreTheFirstFindingWithoutSelectors() throws IOException {
			for (int i = 0; i < 20; i++) {
				Process child = new ProcessBuilder("sleep", "60").start();
				this.leaked.add(() -> {
					child.destroyForcibly();
					child.getInputStream().close();
					child.getErrorStream().close();
					child.getOutputStream().close();
				});
			}
			JsonNode finding = firstFinding("pipe", (first) -> grewBy(first, 60));
			assertThat(finding.get("kind").asString()).isEqualTo("type");
			assertThat(finding.get("cause").asString()).startsWith("pipes opened and not closed while no selector grew")
				.contains("child processes");
		}

		@Test
		void udpSocketsAreTheFirstFindingNamedByTheirGroup() throws IOException {
			for (int i = 0; i < 40; i++) {
				this.leaked.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
			}
			JsonNode finding = firstFinding("udp sockets", (first) -> grewBy(first, 40));
			assertThat(finding.get("kind").asString()).isEqualTo("socket");
			assertThat(finding.get("cause").asString()).startsWith("UDP sockets opened and not closed");
		}

	}

}
