package dev.handlehygiene.it.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With reactive Spring Security, {@code show-details=when-authorized} shows the details
 * of {@code /actuator/fdleaks} to a user in the configured role and only counts to an
 * anonymous caller or a user outside the role: the endpoint's web extension reads the
 * reactive security context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"management.endpoint.fdleaks.show-details=when-authorized", "management.endpoint.fdleaks.roles=ADMIN" })
class FileDescriptorLeaksDetailsWhenAuthorizedTest {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void anonymousCallerSeesCountsButNoFilesOrRemotes() throws Exception {
		JsonNode report = fdleaks(null);
		System.out.println("anonymous: types=" + report.get("types") + " hiddenDetails=" + report.get("hiddenDetails"));
		assertThat(report.get("open").asLong()).isPositive();
		assertThat(report.get("types").get("socket").asLong()).isPositive();
		assertThat(report.get("hiddenDetails").asString()).isNotBlank();
		assertThat(report.has("files")).isFalse();
		assertThat(report.path("tcp").has("remotes")).isFalse();
	}

	@Test
	void adminSeesFilesAndRemotes() throws Exception {
		JsonNode report = fdleaks(WebFluxTestApplication.ADMIN + ":" + WebFluxTestApplication.PASSWORD);
		assertThat(report.has("hiddenDetails")).isFalse();
		assertThat(report.get("files").isArray()).isTrue();
		assertThat(report.get("tcp").get("remotes").isArray()).isTrue();
		assertThat(report.get("tcp").get("remotes").size()).isPositive();
	}

	@Test
	void authenticatedUserOutsideTheRoleSeesNoDetails() throws Exception {
		JsonNode report = fdleaks(WebFluxTestApplication.VIEWER + ":" + WebFluxTestApplication.PASSWORD);
		assertThat(report.get("hiddenDetails").asString()).isNotBlank();
		assertThat(report.has("files")).isFalse();
		assertThat(report.path("tcp").has("remotes")).isFalse();
	}

	private JsonNode fdleaks(String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/fdleaks"))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
