package dev.handlehygiene.actuate;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trend on the real process: the sampler's own thread reads {@code /proc/self/fd}
 * every 100 ms into a 3-second window while this test opens files at a steady rate, and
 * the {@code trend} section, the health indicator and the gauge all show the growth and
 * the same projection; once the files are closed, health is UP again.
 * <p>
 * The JVM's limit is the hard limit (HotSpot raises it): 20,000 on the build machine,
 * often 1,048,576 in a container, where 50 files a second would take hours. The horizon
 * is therefore set far out, so that health turns DOWN on the projection whatever the
 * machine's limit.
 */
@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks,metrics",
				"management.endpoint.health.show-details=always", "handle-hygiene.fd.sample-interval=100ms",
				"handle-hygiene.fd.trend-window=3s", "handle-hygiene.fd.exhaustion-horizon=1000d" })
class FileDescriptorTrendIntegrationTest {

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	private ActuatorClient actuator;

	private final List<FileChannel> opened = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService leak = Executors.newSingleThreadScheduledExecutor();

	@BeforeEach
	void connect() {
		this.actuator = new ActuatorClient(this.port);
	}

	@AfterEach
	void closeEverything() throws IOException {
		this.leak.shutdownNow();
		for (FileChannel channel : this.opened) {
			channel.close();
		}
	}

	@Test
	void aSteadyLeakIsProjectedInTheTrendTheHealthAndTheGaugeAndClearsOnceClosed() throws Exception {
		Path file = Files.writeString(this.temp.resolve("leaked.txt"), "x");
		// start-up itself opens descriptors for longer than half this short window, which
		// projects too: begin from
		// a flat count, so that what is projected below is this test's leak
		poll("/actuator/fdleaks/trend", (body) -> !body.get("trend").has("projectedExhaustion"));
		// 5 files every 100 ms, at most 1,000 (20 s): bounded whatever happens to the
		// assertions
		this.leak.scheduleAtFixedRate(() -> {
			for (int i = 0; i < 5 && this.opened.size() < 1000; i++) {
				try {
					this.opened.add(FileChannel.open(file));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}, 0, 100, TimeUnit.MILLISECONDS);

		// the process's own slower growth after start-up may be projected first; wait for
		// the leak's rate
		JsonNode trend = poll("/actuator/fdleaks/trend", (body) -> body.get("trend").has("projectedExhaustion")
				&& body.get("trend").get("perMinute").asDouble() >= 1500)
			.get("trend");
		assertThat(trend.get("window").asString()).isEqualTo("PT3S");
		assertThat(trend.get("samples").asInt()).isGreaterThanOrEqualTo(15);
		// 3,000 a minute opened here; the process's own threads come and go around it
		assertThat(trend.get("perMinute").asDouble()).isLessThan(6000.0);
		assertThat(trend.get("fit").asDouble()).isGreaterThanOrEqualTo(0.8);
		assertThat(Duration.parse(trend.get("projectedExhaustion").asString())).isPositive();

		JsonNode health = poll("/actuator/health/fileDescriptors",
				(body) -> body.get("status").asString().equals("DOWN"));
		assertThat(health.get("details").get("level").asString()).isEqualTo("ok");
		Duration projected = Duration.parse(health.get("details").get("projectedExhaustion").asString());
		assertThat(projected).isPositive().isLessThanOrEqualTo(Duration.ofDays(1000));

		JsonNode eta = poll("/actuator/metrics/handle.hygiene.fd.exhaustion.eta",
				(body) -> Double.isFinite(body.get("measurements").get(0).get("value").asDouble()));
		assertThat(eta.get("baseUnit").asString()).isEqualTo("seconds");
		assertThat(eta.get("measurements").get(0).get("value").asDouble()).isPositive();

		this.leak.shutdownNow();
		assertThat(this.leak.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		for (FileChannel channel : this.opened) {
			channel.close();
		}
		poll("/actuator/health/fileDescriptors", (body) -> body.get("status").asString().equals("UP"));
	}

	@Test
	void theTrendSectionIsShownWithDetailsHiddenToo() {
		// show-details is left at when-authorized and there is no user: trend is counts
		// only, so nothing is hidden
		JsonNode body = this.actuator.body("/actuator/fdleaks/trend");
		assertThat(body.propertyNames()).containsExactly("trend");
		assertThat(body.get("trend").get("samples").asInt()).isPositive();
		assertThat(body.get("trend").get("window").asString()).isEqualTo("PT3S");
	}

	private JsonNode poll(String path, Predicate<JsonNode> until) {
		return await(path).atMost(DEADLINE)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.actuator.get(path).getBody(), (body) -> body != null && until.test(body));
	}

}
