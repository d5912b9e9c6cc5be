package dev.handlehygiene.it.security;

import java.net.http.HttpClient;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import dev.handlehygiene.it.support.ActuatorClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health/fileDescriptors} has only counts as details (no path, address
 * or stack), and who sees them is Spring Boot's
 * {@code management.endpoint.health.show-details} and {@code roles}, not the
 * {@code fdleaks} settings: health is open to anonymous callers in most filter chains, so
 * it must never carry what {@code fdleaks} hides. A caller who may not see components
 * gets a 404 for the component's own path (Spring Boot's rule), and the liveness probe,
 * which includes the component, still answers with its status.
 */
class FileDescriptorsHealthDetailsTest {

	private static final String PATH = "/actuator/health/fileDescriptors";

	/**
	 * Every detail the indicator may write: counts, a share, a rate, a duration and two
	 * labels.
	 */
	private static final Set<String> COUNT_DETAILS = Set.of("open", "limit", "usage", "level", "countMethod",
			"perMinute", "projectedExhaustion");

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static ActuatorClient client(int port) {
		return new ActuatorClient(port, HTTP);
	}

	@Nested
	@SpringBootTest(classes = SecuredActuatorApplication.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=health,fdleaks",
					"management.endpoint.health.show-details=when-authorized", "management.endpoint.health.roles=ADMIN",
					// the fdleaks setting does not reach health
					"management.endpoint.fdleaks.show-details=always" })
	class WhenAuthorizedForAdmin {

		@LocalServerPort
		int port;

		@Test
		void anonymousCallerGetsTheStatusOnly() {
			assertComponentHidden(client(this.port));
		}

		@Test
		void userOutsideTheRoleGetsTheStatusOnly() {
			assertComponentHidden(client(this.port).withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD));
		}

		@Test
		void adminGetsCountsAndNothingElse() {
			JsonNode health = client(this.port).withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD)
				.read(PATH, JsonNode.class);
			assertThat(health.get("status").asString()).isEqualTo("UP");
			JsonNode details = health.get("details");
			assertThat(details.get("open").asLong()).isPositive();
			assertThat(details.get("limit").asLong()).isPositive();
			assertThat(details.propertyNames()).isSubsetOf(COUNT_DETAILS);
			assertThat(details.get("level").asString()).isIn("ok", "warning", "critical");
			assertThat(details.get("countMethod").asString()).isIn("procfs-stat", "mxbean");
		}

		@Test
		void wrongPasswordGets401EvenOnHealth() {
			assertThat(client(this.port).withBasicAuth(TestUsers.ADMIN, "wrong").get(PATH).getStatusCode().value())
				.isEqualTo(401);
		}

	}

	@Nested
	@SpringBootTest(classes = SecuredActuatorApplication.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "management.endpoint.fdleaks.show-details=always")
	class SpringBootHealthDefaults {

		@LocalServerPort
		int port;

		@Test
		void adminGetsTheStatusOnlyBecauseHealthShowsNoComponentsByDefault() {
			assertComponentHidden(client(this.port).withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD));
		}

	}

	static void assertComponentHidden(ActuatorClient client) {
		assertThat(client.get(PATH).getStatusCode().value()).isEqualTo(404);
		JsonNode health = client.read("/actuator/health", JsonNode.class);
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.has("components")).isFalse();
		assertThat(health.has("details")).isFalse();
		assertStatusOnly(client.get("/actuator/health/liveness"));
	}

	static void assertStatusOnly(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody().propertyNames()).containsExactly("status");
		assertThat(response.getBody().get("status").asString()).isEqualTo("UP");
	}

}
