package dev.handlehygiene.actuate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes default puts {@code fileDescriptors} next to {@code livenessState} in the
 * liveness group, so a pod whose descriptors run out fails its liveness probe.
 */
@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.health.show-components=always")
class LivenessGroupIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void livenessIncludesFileDescriptors() {
		JsonNode liveness = new ActuatorClient(this.port).body("/actuator/health/liveness");
		assertThat(liveness.get("status").asString()).isEqualTo("UP");
		assertThat(liveness.get("components").propertyNames()).containsExactlyInAnyOrder("livenessState",
				"fileDescriptors");
	}

	@Test
	void readinessDoesNot() {
		JsonNode readiness = new ActuatorClient(this.port).body("/actuator/health/readiness");
		assertThat(readiness.toString()).as("readiness").contains("UP").doesNotContain("fileDescriptors");
	}

}
