package dev.handlehygiene.it.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's default, {@code show-details=when-authorized}, with {@code roles=ADMIN},
 * behind a filter chain that asks for authentication on {@code fdleaks}: anonymous
 * callers are turned away, a user outside the role gets the counts only, an ADMIN gets
 * every detail, and a wrong password gets nothing.
 */
@SpringBootTest(classes = SecuredActuatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks",
				"management.endpoint.fdleaks.show-details=when-authorized", "management.endpoint.fdleaks.roles=ADMIN" })
class FileDescriptorLeaksWhenAuthorizedTest extends WithHeldEvidence {

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/fdleaks", "/actuator/fdleaks/files", "/actuator/fdleaks/types" })
	void anonymousCallerIsAskedToAuthenticate(String path) {
		ResponseEntity<JsonNode> response = anonymous().get(path);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody()).isNull();
	}

	@Test
	void healthStaysOpenToAnonymousCallers() {
		assertThat(anonymous().get("/actuator/health").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void userOutsideTheRoleGetsCountsOnly() {
		ReportAssertions.assertCountsOnly(read(viewer(), "/actuator/fdleaks"), this.evidence);
	}

	@Test
	void adminGetsFilesRemotesSitesStacksAndValues() {
		ReportAssertions.assertDetails(read(admin(), "/actuator/fdleaks"), this.evidence);
	}

	@Test
	void wrongPasswordGets401AndNoBody() {
		for (String user : new String[] { TestUsers.ADMIN, TestUsers.VIEWER, "nobody" }) {
			ResponseEntity<JsonNode> response = wrongPassword(user).get("/actuator/fdleaks");
			assertThat(response.getStatusCode().value()).as(user).isEqualTo(401);
			assertThat(response.getBody()).as(user).isNull();
		}
	}

	@Test
	void otherEndpointsNeedTheAdminRole() {
		// the chain's catch-all for endpoints: env shows every property value
		assertThat(viewer().get("/actuator").getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void sectionsWithDetailsShowThemToTheAdmin() {
		ReportAssertions.assertFileNamed(read(admin(), "/actuator/fdleaks/files").get("files"), this.evidence);
		ReportAssertions.assertRemoteNamed(read(admin(), "/actuator/fdleaks/tcp").get("tcp"), this.evidence);
		ReportAssertions.assertSitesNamed(read(admin(), "/actuator/fdleaks/leaks").get("leaks"), this.evidence);
		ReportAssertions.assertSettingValues(read(admin(), "/actuator/fdleaks/settings").get("settings"));
		for (String section : new String[] { "files", "tcp", "leaks", "settings" }) {
			assertThat(read(admin(), "/actuator/fdleaks/" + section).has("hiddenDetails")).as(section).isFalse();
		}
	}

	@Test
	void sectionsWithDetailsShowTheUserOutsideTheRoleCountsOnly() {
		JsonNode files = read(viewer(), "/actuator/fdleaks/files");
		assertThat(files.get("files").isEmpty()).isTrue();
		JsonNode tcp = read(viewer(), "/actuator/fdleaks/tcp");
		assertThat(tcp.get("tcp").get("states").get("ESTABLISHED").asLong())
			.isGreaterThanOrEqualTo(2 * HeldEvidence.COPIES);
		assertThat(tcp.get("tcp").has("remotes")).isFalse();
		JsonNode leaks = read(viewer(), "/actuator/fdleaks/leaks");
		assertThat(leaks.get("leaks").get("httpClient").get("leaked").asLong()).isPositive();
		assertThat(leaks.get("leaks").get("httpClient").has("sites")).isFalse();
		JsonNode settings = read(viewer(), "/actuator/fdleaks/settings");
		ReportAssertions.assertSettingsWithoutValues(settings.get("settings"));
		for (JsonNode section : new JsonNode[] { files, tcp, leaks, settings }) {
			ReportAssertions.assertNamesNothing(section, this.evidence);
			assertThat(section.path("hiddenDetails").asString()).contains("show-details");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "types", "trend" })
	void countsOnlySectionsAreTheSameForEveryAuthenticatedUser(String section) {
		JsonNode forViewer = read(viewer(), "/actuator/fdleaks/" + section);
		JsonNode forAdmin = read(admin(), "/actuator/fdleaks/" + section);
		assertThat(forViewer.has(section)).isTrue();
		assertThat(forViewer.has("hiddenDetails")).isFalse();
		assertThat(forViewer.get(section).propertyNames()).isEqualTo(forAdmin.get(section).propertyNames());
	}

}
