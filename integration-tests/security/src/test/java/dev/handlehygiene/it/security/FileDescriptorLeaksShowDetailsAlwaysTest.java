package dev.handlehygiene.it.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code show-details=always}: whoever the filter chain lets in gets the details, an
 * anonymous caller too. Only for a management port nobody else can reach.
 */
@SpringBootTest(classes = AnonymousReadableApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks",
				"management.endpoint.fdleaks.show-details=always", "management.endpoint.fdleaks.roles=ADMIN" })
class FileDescriptorLeaksShowDetailsAlwaysTest extends WithHeldEvidence {

	@Test
	void anonymousCallerGetsTheDetails() {
		ReportAssertions.assertDetails(read(anonymous(), "/actuator/fdleaks"), this.evidence);
	}

	@Test
	void userOutsideTheRoleGetsTheDetails() {
		ReportAssertions.assertDetails(read(viewer(), "/actuator/fdleaks"), this.evidence);
	}

	@Test
	void wrongPasswordStillGets401() {
		assertThat(wrongPassword(TestUsers.VIEWER).get("/actuator/fdleaks").getStatusCode().value()).isEqualTo(401);
	}

}
