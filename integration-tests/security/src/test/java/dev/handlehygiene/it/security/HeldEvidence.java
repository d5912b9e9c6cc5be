package dev.handlehygiene.it.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

import dev.handlehygiene.leak.LeakSource;
import dev.handlehygiene.leak.LeakTracker;

import static org.awaitility.Awaitility.await;

/**
 * Real things for the details to show: a file held open, loopback TCP connections held
 * open, a RestClient response dropped unclosed, and a JDBC connection held past
 * HikariCP's leak threshold, so that {@code files}, {@code tcp.remotes}, leak sites with
 * their stacks and a connection named with its JDBC URL exist for real.
 * <p>
 * The file and the connection to one listener are held {@value #COPIES} times each, so
 * that they rank above the one-of-a-kind jars and sockets in the endpoint's top entries.
 */
final class HeldEvidence implements AutoCloseable {

	static final int COPIES = 5;

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private final Path file;

	private final List<AutoCloseable> held = new ArrayList<>();

	private final ServerSocket listener;

	private HeldEvidence() throws IOException {
		this.file = Files.createTempFile("handle-hygiene-security-", ".log").toRealPath();
		Files.writeString(this.file, "held open by " + getClass().getName());
		for (int i = 0; i < COPIES; i++) {
			InputStream stream = Files.newInputStream(this.file);
			this.held.add(stream);
		}
		this.listener = new ServerSocket(0, COPIES, InetAddress.getLoopbackAddress());
		for (int i = 0; i < COPIES; i++) {
			this.held.add(new Socket(InetAddress.getLoopbackAddress(), this.listener.getLocalPort()));
			this.held.add(this.listener.accept());
		}
	}

	/**
	 * Holds the file and connections open, leaks one response and holds one JDBC
	 * connection, waiting until both leaks are reported.
	 * @param builder the application's builder, whose responses the starter tracks
	 * @param port the server port: the response is the application's own health, open to
	 * all
	 * @param tracker the starter's response tracker
	 * @param dataSource the application's HikariCP pool
	 * @param jdbcLeaks the starter's record of HikariCP's leak reports
	 * @return the evidence, to close after the tests
	 */
	static HeldEvidence hold(RestClient.Builder builder, int port, LeakTracker tracker, DataSource dataSource,
			LeakSource jdbcLeaks) throws Exception {
		HeldEvidence evidence = new HeldEvidence();
		long before = tracker.leaked();
		dropResponse(builder.build(), "http://127.0.0.1:" + port + "/actuator/health");
		await("the dropped response reported as leaked").atMost(DEADLINE)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				// a leak is only found once the GC has seen the response unreachable
				System.gc();
				return tracker.leaked() > before;
			});
		long jdbcBefore = jdbcLeaks.leaked();
		evidence.held.add(dataSource.getConnection());
		// HikariCP reports a connection held past its threshold (2 s here) and keeps it
		// listed until it is returned
		await("the held connection reported by HikariCP").atMost(DEADLINE).until(() -> jdbcLeaks.leaked() > jdbcBefore);
		return evidence;
	}

	private static void dropResponse(RestClient client, String uri) {
		ClientHttpResponse response = client.get().uri(uri).exchange((request, exchanged) -> exchanged, false);
		if (response == null) {
			throw new IllegalStateException("no response from " + uri);
		}
	}

	/** The held file's path, as the kernel names it. */
	String filePath() {
		return this.file.toString();
	}

	/** The remote address of the held client sockets, as the endpoint writes it. */
	String remote() {
		return "127.0.0.1:" + this.listener.getLocalPort();
	}

	/** The prefix of the dropped response's call site, as the endpoint writes it. */
	String leakSitePrefix() {
		return getClass().getName() + ".dropResponse(";
	}

	/**
	 * What the held connection's name shows once reported: HikariCP names it as the
	 * driver prints it.
	 */
	String jdbcUrlPrefix() {
		return "url=jdbc:h2:";
	}

	@Override
	public void close() throws Exception {
		for (AutoCloseable closeable : this.held) {
			closeable.close();
		}
		this.listener.close();
		Files.deleteIfExists(this.file);
	}

}
