package dev.handlehygiene.it.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter chain that lets anyone read {@code fdleaks}: then
 * {@code show-details=when-authorized} with {@code roles=ADMIN} alone keeps the details
 * from an anonymous caller and from a user outside the role.
 */
@SpringBootTest(classes = AnonymousReadableApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks",
				"management.endpoint.fdleaks.show-details=when-authorized", "management.endpoint.fdleaks.roles=ADMIN" })
class FileDescriptorLeaksAnonymousReadableTest extends WithHeldEvidence {

	@Test
	void anonymousCallerGetsCountsOnly() {
		ReportAssertions.assertCountsOnly(read(anonymous(), "/actuator/fdleaks"), this.evidence);
	}

	@Test
	void anonymousCallerGetsNoDetailsFromAnySection() {
		for (String section : new String[] { "files", "tcp", "leaks", "settings" }) {
			JsonNode body = read(anonymous(), "/actuator/fdleaks/" + section);
			assertThat(body.has(section)).as(section).isTrue();
			ReportAssertions.assertNamesNothing(body, this.evidence);
			assertThat(body.path("hiddenDetails").asString()).as(section).contains("show-details");
		}
	}

	@Test
	void userOutsideTheRoleGetsCountsOnly() {
		ReportAssertions.assertCountsOnly(read(viewer(), "/actuator/fdleaks"), this.evidence);
	}

	@Test
	void adminGetsTheDetails() {
		ReportAssertions.assertDetails(read(admin(), "/actuator/fdleaks"), this.evidence);
	}

	@Test
	void wrongPasswordGets401EvenWhereAnonymousCallersAreLetIn() {
		ResponseEntity<JsonNode> response = wrongPassword(TestUsers.ADMIN).get("/actuator/fdleaks");
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody()).isNull();
	}

}
