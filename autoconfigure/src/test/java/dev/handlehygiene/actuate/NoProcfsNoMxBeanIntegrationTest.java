package dev.handlehygiene.actuate;

import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform with neither procfs nor a {@code UnixOperatingSystemMXBean} (Windows): the
 * service starts, and every read path says it cannot tell, over real HTTP, instead of
 * failing.
 */
@SpringBootTest(classes = { LoopbackService.class, NoProcfsNoMxBeanIntegrationTest.NoProcfsNoMxBean.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks,metrics",
				"management.endpoint.health.show-details=always", "management.endpoint.fdleaks.show-details=always" })
// closed after the class: a cached server's acceptor, blocked in accept(), holds a
// reserved descriptor number that
// the stat size counts and a listing does not, which tests comparing the two in this JVM
// would see
@DirtiesContext
class NoProcfsNoMxBeanIntegrationTest {

	private static final Path ROOT = EmptyProcRoot.create();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	private ActuatorClient actuator;

	@BeforeEach
	void connect() {
		this.actuator = new ActuatorClient(this.port);
	}

	@Test
	void healthIsUnknownWithTheReason() {
		ResponseEntity<JsonNode> health = this.actuator.get("/actuator/health/fileDescriptors");
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		JsonNode body = health.getBody();
		assertThat(body.get("status").asString()).isEqualTo("UNKNOWN");
		assertThat(body.get("details").get("countMethod").asString()).isEqualTo("unsupported");
		assertThat(body.get("details").get("reason").asString()).startsWith("No count method works here")
			.contains(ROOT.resolve("self/fd").toString())
			.contains("no UnixOperatingSystemMXBean");
		assertThat(body.get("details").has("open")).isFalse();
	}

	@Test
	void livenessStaysUpWhereThePlatformCannotTell() {
		// UNKNOWN is no reason to restart: the liveness group the starter sets up still
		// answers UP
		ResponseEntity<JsonNode> liveness = this.actuator.get("/actuator/health/liveness");
		assertThat(liveness.getStatusCode().value()).isEqualTo(200);
		assertThat(liveness.getBody().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void theEndpointSaysUnsupportedWith200() {
		ResponseEntity<JsonNode> response = this.actuator.get("/actuator/fdleaks");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode report = response.getBody();
		assertThat(report.get("level").asString()).isEqualTo("unsupported");
		assertThat(report.get("countMethod").asString()).isEqualTo("unsupported");
		assertThat(report.has("open")).isFalse();
		assertThat(report.has("limit")).isFalse();
		assertThat(report.has("usage")).isFalse();
		assertThat(report.get("inventoryError").asString()).contains(ROOT.resolve("self/fd").toString());
		ResponseEntity<JsonNode> trend = this.actuator.get("/actuator/fdleaks/trend");
		assertThat(trend.getStatusCode().value()).isEqualTo(200);
		assertThat(trend.getBody().get("trend").get("samples").asInt()).isZero();
	}

	@Test
	void theMetersReadNaN() {
		assertThat(this.meters.get("process.files.open").gauge().value()).isNaN();
		assertThat(this.meters.get("process.files.max").gauge().value()).isNaN();
		assertThat(this.meters.get("handle.hygiene.fd.exhaustion.eta").timeGauge().value()).isNaN();
		// and the metrics endpoint serves them
		ResponseEntity<JsonNode> open = this.actuator.get("/actuator/metrics/process.files.open");
		assertThat(open.getStatusCode().value()).isEqualTo(200);
		assertThat(open.getBody().get("measurements").get(0).get("value").asString()).isEqualTo("NaN");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class NoProcfsNoMxBean {

		@Bean
		FileDescriptorProbe fileDescriptorProbe() {
			return new FileDescriptorProbe(ROOT);
		}

		@Bean
		FileDescriptorInventory fileDescriptorInventory() {
			return new FileDescriptorInventory(ROOT);
		}

	}

}
