package dev.handlehygiene.actuate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's results are actuator output: an application that renames its own JSON
 * fields to snake_case does not rename the endpoint's, which dashboards and scripts read
 * by name.
 */
@SpringBootTest(classes = FileDescriptorLeaksEndpointJsonNamingIntegrationTest.SnakeCaseService.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks",
				"management.endpoint.fdleaks.show-details=always",
				"spring.jackson.property-naming-strategy=SNAKE_CASE" })
class FileDescriptorLeaksEndpointJsonNamingIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void theApplicationsOwnJsonIsSnakeCase() {
		JsonNode own = new ActuatorClient(this.port).body("/own");
		assertThat(own.has("camel_case_field")).as("the setting is in force: %s", own).isTrue();
	}

	@Test
	void theReportKeepsItsFieldNames() {
		JsonNode report = new ActuatorClient(this.port).body("/actuator/fdleaks");
		assertThat(report.has("hardLimit")).as("%s", report).isTrue();
		assertThat(report.has("countMethod")).isTrue();
		assertThat(report.has("hard_limit")).isFalse();
		assertThat(report.get("leaks").has("httpClient")).isTrue();
		assertThat(report.get("trend").has("perMinute") || report.get("trend").get("samples").asInt() < 2).isTrue();
	}

	@Test
	void aSectionAndA404KeepTheirFieldNames() {
		ActuatorClient actuator = new ActuatorClient(this.port);
		assertThat(actuator.body("/actuator/fdleaks/leaks").get("leaks").has("httpClient")).isTrue();
		assertThat(actuator.body("/actuator/fdleaks/settings").get("settings").get(0).has("key")).isTrue();
		JsonNode notFound = actuator.body("/actuator/fdleaks/nonsense");
		assertThat(notFound.get("message").asString()).contains("nonsense");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class SnakeCaseService {

		@GetMapping("/own")
		Own own() {
			return new Own("renamed");
		}

		record Own(String camelCaseField) {
		}

	}

}
