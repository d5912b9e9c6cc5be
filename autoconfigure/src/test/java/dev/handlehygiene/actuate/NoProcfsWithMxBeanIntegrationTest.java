package dev.handlehygiene.actuate;

import java.nio.file.Path;

import com.sun.management.UnixOperatingSystemMXBean;
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
 * A Unix without procfs (macOS has the MXBean and no {@code /proc}): the MXBean counts,
 * health is UP on that count, and what only procfs can tell (the hard limit, the
 * inventory) is left out and said so, over real HTTP.
 */
@SpringBootTest(classes = { LoopbackService.class, NoProcfsWithMxBeanIntegrationTest.NoProcfs.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks",
				"management.endpoint.health.show-details=always", "management.endpoint.fdleaks.show-details=always" })
// closed after the class: a cached server's acceptor, blocked in accept(), holds a
// reserved descriptor number that
// the stat size counts and a listing does not, which tests comparing the two in this JVM
// would see
@DirtiesContext
class NoProcfsWithMxBeanIntegrationTest {

	private static final Path ROOT = EmptyProcRoot.create();

	private static final UnixOperatingSystemMXBean MX_BEAN = FileDescriptorProbe.platformMxBean();

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
	void healthIsUpOnTheMxBeansCount() {
		ResponseEntity<JsonNode> health = this.actuator.get("/actuator/health/fileDescriptors");
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		JsonNode details = health.getBody().get("details");
		assertThat(health.getBody().get("status").asString()).isEqualTo("UP");
		assertThat(details.get("countMethod").asString()).isEqualTo("mxbean");
		assertThat(details.get("open").asLong()).isPositive();
		assertThat(details.get("limit").asLong()).isEqualTo(MX_BEAN.getMaxFileDescriptorCount());
	}

	@Test
	void theEndpointCountsButSaysTheInventoryCannotBeTaken() {
		ResponseEntity<JsonNode> response = this.actuator.get("/actuator/fdleaks");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode report = response.getBody();
		assertThat(report.get("level").asString()).isEqualTo("ok");
		assertThat(report.get("countMethod").asString()).isEqualTo("mxbean");
		assertThat(report.get("open").asLong()).isPositive();
		// the hard limit comes from /proc/self/limits only
		assertThat(report.has("hardLimit")).isFalse();
		assertThat(report.get("inventoryError").asString()).contains(ROOT.resolve("self/fd").toString());
	}

	@Test
	void theCountMetersReadTheMxBean() {
		double open = this.meters.get("process.files.open").gauge().value();
		assertThat(open).isPositive()
			.isBetween(MX_BEAN.getOpenFileDescriptorCount() - 20.0, MX_BEAN.getOpenFileDescriptorCount() + 20.0);
		assertThat(this.meters.get("process.files.max").gauge().value())
			.isEqualTo((double) MX_BEAN.getMaxFileDescriptorCount());
		// a flat or short series projects nothing
		double eta = this.meters.get("handle.hygiene.fd.exhaustion.eta").timeGauge().value();
		assertThat(Double.isNaN(eta) || eta > 0).as("eta %s", eta).isTrue();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class NoProcfs {

		@Bean
		FileDescriptorProbe fileDescriptorProbe() {
			return new FileDescriptorProbe(ROOT, MX_BEAN);
		}

		@Bean
		FileDescriptorInventory fileDescriptorInventory() {
			return new FileDescriptorInventory(ROOT);
		}

	}

}
