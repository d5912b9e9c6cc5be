package dev.handlehygiene.actuate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint as a user gets it by exposing it and setting nothing else: no user is
 * authorized, so details are hidden.
 */
@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=health,fdleaks")
class FileDescriptorLeaksEndpointDefaultsIntegrationTest {

	@LocalServerPort
	int port;

	private ActuatorClient actuator;

	@BeforeEach
	void connect() {
		this.actuator = new ActuatorClient(this.port);
	}

	@Test
	void hidesPathsAndRemotesButShowsCountsAndSaysHowToShowThem() {
		JsonNode report = this.actuator.body("/actuator/fdleaks");
		assertThat(report.get("open").asLong()).isPositive();
		assertThat(report.get("types").get("socket").asInt()).isPositive();
		assertThat(report.get("tcp").get("states").get("LISTEN").asInt()).isPositive();
		assertThat(report.has("files")).isFalse();
		assertThat(report.get("tcp").has("remotes")).isFalse();
		assertThat(report.get("hiddenDetails").asString()).contains("management.endpoint.fdleaks.show-details");
	}

	@Test
	void aHiddenSectionKeepsItsShapeAndSaysWhy() {
		JsonNode files = this.actuator.body("/actuator/fdleaks/files");
		assertThat(files.get("files").isArray()).isTrue();
		assertThat(files.get("files").size()).isZero();
		assertThat(files.get("hiddenDetails").asString()).contains("show-details");
	}

	@Test
	void eachSectionAnswersWithItselfOnly() {
		assertThat(this.actuator.body("/actuator/fdleaks/types").propertyNames()).containsExactly("types");
		assertThat(this.actuator.body("/actuator/fdleaks/tcp").get("tcp").has("states")).isTrue();
	}

	@Test
	void anUnknownSectionIsA404WithAMessage() {
		ResponseEntity<JsonNode> response = this.actuator.get("/actuator/fdleaks/sockets");
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getBody().get("message").asString()).contains("'sockets'", "types, tcp, files");
	}

	@Test
	void healthIsUpWithTheDefaultThresholds() {
		ResponseEntity<JsonNode> response = this.actuator.get("/actuator/health");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody().get("status").asString()).isEqualTo("UP");
	}

}
