package dev.handlehygiene.actuate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import dev.handlehygiene.fd.ProcfsStat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the critical share lowered below what any JVM has open, the service reports DOWN
 * over HTTP.
 */
@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks",
				"management.endpoint.health.show-details=always", "handle-hygiene.fd.warning-usage=0.000001",
				"handle-hygiene.fd.critical-usage=0.000002" })
class FileDescriptorsHealthIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void healthIsDownWhenUsageCrossesTheCriticalShare() {
		ActuatorClient actuator = new ActuatorClient(this.port);
		ResponseEntity<JsonNode> component = actuator.get("/actuator/health/fileDescriptors");
		assertThat(component.getStatusCode().value()).isEqualTo(503);
		JsonNode body = component.getBody();
		assertThat(body.get("status").asString()).isEqualTo("DOWN");
		assertThat(body.get("details").get("level").asString()).isEqualTo("critical");
		assertThat(body.get("details").get("open").asLong()).isPositive();
		assertThat(body.get("details").get("countMethod").asString())
			.isEqualTo(ProcfsStat.expectedCountMethod().label());
		assertThat(actuator.get("/actuator/health").getStatusCode().value()).isEqualTo(503);
		assertThat(actuator.body("/actuator/fdleaks").get("level").asString()).isEqualTo("critical");
	}

}
