package dev.handlehygiene.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.leak.Gc;
import dev.handlehygiene.leak.LeakTracker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many readers at once, on a real Tomcat, while descriptors come and go: for
 * {@link #LOAD} 16 threads call the health check, the endpoint and every section over
 * HTTP and read the meters, one thread opens and closes real files and sockets, and one
 * calls a tracked {@code RestClient}, dropping some responses unclosed (the starter
 * closes them once collected) and closing the rest. Nothing may throw, no count may be
 * negative, every answer is 200, and the process's descriptors come back to where they
 * were.
 */
@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks,metrics",
				"management.endpoint.health.show-details=always", "management.endpoint.fdleaks.show-details=always",
				// idle keep-alive connections of this test's own clients close soon after
				// the load, so that the
				// count can come back to the baseline (the starter's default is 100 s)
				"server.tomcat.keep-alive-timeout=1s" })
class ConcurrentReadersIntegrationTest {

	private static final Duration LOAD = Duration.ofSeconds(20);

	private static final int READERS = 16;

	/**
	 * A loaded 2-core machine: the collection of the last dropped responses and Tomcat's
	 * idle close take seconds.
	 */
	private static final Duration SETTLE_DEADLINE = Duration.ofSeconds(30);

	/**
	 * Descriptors the count may stay above its baseline once everything has settled: the
	 * two ends of one connection whose close the JDK client's selector has not seen yet,
	 * and two for a jar or class file the JVM opens the first time some class is needed
	 * after the warm-up. A leak here would be one descriptor per dropped response or
	 * churned file, hundreds over 20 s.
	 */
	private static final int TOLERANCE = 4;

	private static final String[] METRICS = { "process.files.open", "process.files.max", "handle.hygiene.leaks",
			"handle.hygiene.tracked.open", "handle.hygiene.tcp.sockets", "handle.hygiene.tcp.sockets.age" };

	@LocalServerPort
	int port;

	@Autowired
	RestClient.Builder builder;

	@Autowired
	MeterRegistry meters;

	@Autowired
	@Qualifier("httpClientResponseLeakTracker")
	LeakTracker tracker;

	@TempDir
	Path directory;

	private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

	private final Queue<String> bad = new ConcurrentLinkedQueue<>();

	private final AtomicLong answers = new AtomicLong();

	private final AtomicLong churned = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	@Test
	void readersSeeNoErrorNoNegativeCountAndDescriptorsComeBack() throws Exception {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		// built before the baseline: each JDK HttpClient keeps a selector and its
		// descriptors for its lifetime
		HttpClient readersHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ActuatorClient actuator = new ActuatorClient(this.port, readersHttp);
		RestClient tracked = this.builder.build();
		Path file = Files.writeString(this.directory.resolve("churned.txt"), "handle-hygiene");
		String upstream = "http://127.0.0.1:" + this.port + "/upstream";

		// once of each, so that classes, jar files and pools the load needs are opened
		// before the baseline
		readAll(actuator);
		readMeters();
		churnOnce(file);
		leakAndCloseOnce(tracked, upstream);
		assertThat(this.failures).isEmpty();
		// the warm-up's dropped response found and closed, so that its socket is not in
		// the baseline
		assertThat(Gc.until(() -> this.tracker.leaked() >= 1 && this.tracker.open() == 0, SETTLE_DEADLINE)).isTrue();
		long baseline = probe.count();

		long end = System.nanoTime() + LOAD.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(READERS + 2);
		List<Future<?>> tasks = new ArrayList<>();
		for (int i = 0; i < READERS; i++) {
			boolean meterReader = i % 4 == 0;
			tasks.add(pool.submit(() -> until(end, () -> {
				readAll(actuator);
				if (meterReader) {
					readMeters();
				}
			})));
		}
		tasks.add(pool.submit(() -> until(end, () -> churnOnce(file))));
		tasks.add(pool.submit(() -> until(end, () -> leakAndCloseOnce(tracked, upstream))));
		pool.shutdown();
		assertThat(pool.awaitTermination(LOAD.toSeconds() + 60, TimeUnit.SECONDS)).as("load stopped").isTrue();
		for (Future<?> task : tasks) {
			task.get();
		}

		assertThat(this.failures).as("exceptions thrown during the load").isEmpty();
		assertThat(this.bad).as("answers that were not 200 or held a negative count").isEmpty();
		assertThat(this.answers.get()).as("HTTP answers read").isGreaterThan(READERS);
		assertThat(this.churned.get()).as("files and sockets opened and closed").isPositive();
		assertThat(this.dropped.get()).as("responses dropped unclosed").isPositive();
		boolean settled = Gc.until(() -> this.tracker.open() == 0 && probe.count() <= baseline + TOLERANCE,
				SETTLE_DEADLINE);
		assertThat(settled)
			.as("every dropped response closed (%d open) and the descriptors back to the baseline %d"
					+ " (+%d), now %d", this.tracker.open(), baseline, TOLERANCE, probe.count())
			.isTrue();
	}

	private void until(long end, ThrowingRunnable step) {
		while (System.nanoTime() < end) {
			try {
				step.run();
			}
			catch (Throwable ex) {
				this.failures.add(ex);
			}
		}
	}

	private void readAll(ActuatorClient actuator) {
		check(actuator, "/actuator/health/fileDescriptors");
		check(actuator, "/actuator/fdleaks");
		for (String section : FileDescriptorLeaksEndpoint.sectionNames()) {
			check(actuator, "/actuator/fdleaks/" + section);
		}
		for (String metric : METRICS) {
			check(actuator, "/actuator/metrics/" + metric);
		}
	}

	private void check(ActuatorClient actuator, String path) {
		ResponseEntity<JsonNode> answer = actuator.get(path);
		this.answers.incrementAndGet();
		if (answer.getStatusCode().value() != 200) {
			this.bad.add(path + " answered " + answer.getStatusCode().value() + ": " + answer.getBody());
			return;
		}
		List<String> negatives = new ArrayList<>();
		negativeCounts(answer.getBody(), path, negatives);
		this.bad.addAll(negatives);
	}

	/**
	 * Every number in the answer, except the growth rate, which falls when descriptors
	 * are closed.
	 */
	private static void negativeCounts(JsonNode node, String where, List<String> negatives) {
		if (node == null) {
			return;
		}
		if (node.isNumber() && node.asDouble() < 0) {
			negatives.add(where + " = " + node);
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (!field.getKey().equals("perMinute")) {
					negativeCounts(field.getValue(), where + "." + field.getKey(), negatives);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				negativeCounts(node.get(i), where + "[" + i + "]", negatives);
			}
		}
	}

	private void readMeters() {
		for (String name : METRICS) {
			for (Meter meter : this.meters.find(name).meters()) {
				for (Measurement measurement : meter.measure()) {
					// NaN is how a meter says "unknown"; a count below zero would be a
					// bug
					if (measurement.getValue() < 0) {
						this.bad.add(meter.getId() + " measured " + measurement.getValue());
					}
				}
			}
		}
		double open = this.meters.get("process.files.open").gauge().value();
		if (!(open > 0)) {
			this.bad.add("process.files.open measured " + open);
		}
	}

	/**
	 * One file read and one loopback connection, accepted and closed: three descriptors
	 * opened and closed.
	 */
	private void churnOnce(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			in.read();
			try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
					Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
					Socket accepted = server.accept()) {
				client.getOutputStream().write(1);
				accepted.getInputStream().read();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.churned.incrementAndGet();
	}

	/**
	 * A large response dropped unclosed (its socket stays open until the starter closes
	 * it after a collection), then one read with {@code retrieve()} and one closed by
	 * hand.
	 */
	private void leakAndCloseOnce(RestClient client, String upstream) throws IOException {
		ClientHttpResponse droppedResponse = client.get()
			.uri(upstream + "/large")
			.exchange((request, response) -> response, false);
		expect200(droppedResponse.getStatusCode().value(), "dropped response");
		this.dropped.incrementAndGet();
		String body = client.get().uri(upstream).retrieve().body(String.class);
		if (!LoopbackService.PAYLOAD.equals(body)) {
			this.bad.add("retrieve() read " + body);
		}
		try (ClientHttpResponse closed = client.get().uri(upstream).exchange((request, response) -> response, false)) {
			expect200(closed.getStatusCode().value(), "closed response");
		}
	}

	private void expect200(int status, String what) {
		this.answers.incrementAndGet();
		if (status != 200) {
			this.bad.add(what + " answered " + status);
		}
	}

	@FunctionalInterface
	private interface ThrowingRunnable {

		void run() throws Exception;

	}

}
