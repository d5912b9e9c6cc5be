package dev.handlehygiene.it.webflux;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import dev.handlehygiene.it.support.ActuatorClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health contributor, the {@code fdleaks} endpoint and the liveness group answer on
 * WebFlux as on the servlet stack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"management.endpoint.health.show-details=always", "management.endpoint.health.show-components=always" })
class ActuatorOnWebFluxTest {

	@LocalServerPort
	private int port;

	@Test
	void fileDescriptorsHealthIsUpWithTheCountAndTheLimit() {
		ResponseEntity<JsonNode> health = new ActuatorClient(this.port).get("/actuator/health/fileDescriptors");
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody().get("status").asString()).isEqualTo("UP");
		assertThat(health.getBody().get("details").get("open").asLong()).isPositive();
		assertThat(health.getBody().get("details").get("limit").asLong()).isPositive();
	}

	@Test
	void fdleaksAnswersWithTheReport() {
		ResponseEntity<JsonNode> report = new ActuatorClient(this.port).get("/actuator/fdleaks");
		assertThat(report.getStatusCode().value()).isEqualTo(200);
		assertThat(report.getBody().get("level").asString()).isEqualTo("ok");
		assertThat(report.getBody().get("types").get("socket").asLong()).isPositive();
	}

	@Test
	void livenessGroupIsUpAndIncludesFileDescriptors() {
		ResponseEntity<JsonNode> liveness = new ActuatorClient(this.port).get("/actuator/health/liveness");
		assertThat(liveness.getStatusCode().value()).isEqualTo(200);
		assertThat(liveness.getBody().get("status").asString()).isEqualTo("UP");
		assertThat(liveness.getBody().get("components").has("fileDescriptors")).isTrue();
		assertThat(liveness.getBody().get("components").has("livenessState")).isTrue();
	}

}
