package dev.handlehygiene.it.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code show-details=never}: even a user in the configured role gets the counts only,
 * from the report and from every section.
 */
@SpringBootTest(classes = SecuredActuatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks",
				"management.endpoint.fdleaks.show-details=never", "management.endpoint.fdleaks.roles=ADMIN" })
class FileDescriptorLeaksShowDetailsNeverTest extends WithHeldEvidence {

	@Test
	void adminGetsCountsOnly() {
		ReportAssertions.assertCountsOnly(read(admin(), "/actuator/fdleaks"), this.evidence);
	}

	@Test
	void adminGetsNoDetailsFromAnySection() {
		for (String section : new String[] { "files", "tcp", "leaks", "settings" }) {
			JsonNode body = read(admin(), "/actuator/fdleaks/" + section);
			ReportAssertions.assertNamesNothing(body, this.evidence);
			assertThat(body.path("hiddenDetails").asString()).as(section).contains("show-details");
		}
	}

}
