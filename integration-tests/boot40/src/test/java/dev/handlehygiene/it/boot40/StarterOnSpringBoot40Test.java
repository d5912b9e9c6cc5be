package dev.handlehygiene.it.boot40;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

import dev.handlehygiene.it.support.ActuatorClient;
import dev.handlehygiene.it.support.SettingsAuditClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter for real on the oldest Spring Boot line it supports: embedded Tomcat on a
 * random port, health in the liveness group, the endpoint's counts, the safe defaults in
 * force and audited, and a dropped {@code RestClient} response named at its call site,
 * all at the starter's defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StarterOnSpringBoot40Test {

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	RestClient.Builder builder;

	@Test
	void theClasspathIsSpringBoot40() {
		assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
	}

	@Test
	void fileDescriptorsAreUpInTheLivenessGroup() {
		JsonNode liveness = new ActuatorClient(this.port).body("/actuator/health/liveness");
		assertThat(liveness.get("status").asString()).isEqualTo("UP");
		assertThat(liveness.get("components").propertyNames()).containsExactlyInAnyOrder("livenessState",
				"fileDescriptors");
		JsonNode descriptors = liveness.get("components").get("fileDescriptors");
		assertThat(descriptors.get("status").asString()).isEqualTo("UP");
		assertThat(descriptors.get("details").get("open").asLong()).isPositive();
		assertThat(descriptors.get("details").get("limit").asLong())
			.isGreaterThan(descriptors.get("details").get("open").asLong());
	}

	@Test
	void theEndpointAnswersWithTheCounts() {
		JsonNode report = new ActuatorClient(this.port).body("/actuator/fdleaks");
		assertThat(report.get("level").asString()).isEqualTo("ok");
		long open = report.get("open").asLong();
		assertThat(open).isPositive();
		assertThat(report.get("limit").asLong()).isGreaterThan(open);
		// this server's listening socket, at least
		assertThat(report.get("types").get("socket").asLong()).isPositive();
		assertThat(report.get("tcp").get("states").get("LISTEN").asLong()).isPositive();
	}

	@Test
	void theSafeDefaultsAreInForceAndAuditedAsTheStarters() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(this.port);
		assertThat(audit.entries("server.tomcat.connection-timeout")).singleElement().satisfies((entry) -> {
			assertThat(entry.value()).isEqualTo("10s");
			assertThat(entry.origin()).isEqualTo("handle-hygiene default");
			assertThat(entry.verdict()).isEqualTo("ok");
		});
		assertThat(audit.entries("spring.http.clients.read-timeout")).isNotEmpty().allSatisfy((entry) -> {
			assertThat(entry.value()).isEqualTo("30s");
			assertThat(entry.origin()).isEqualTo("handle-hygiene default");
		});
	}

	@Test
	void aDroppedRestClientResponseIsNamedAtItsCallSite() {
		RestClient client = this.builder.build();
		int line = dropResponses(client, 20);
		String site = getClass().getName() + ".dropResponses(" + getClass().getSimpleName() + ".java:" + line + ")";
		ActuatorClient actuator = new ActuatorClient(this.port);
		JsonNode httpClient = await("the dropped responses reported at their call site").atMost(DEADLINE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				System.gc();
				return actuator.body("/actuator/fdleaks/leaks").get("leaks").get("httpClient");
			}, (leaks) -> leaks.get("leaked").asLong() >= 1 && leaks.get("sites").toString().contains(site));
		assertThat(httpClient.get("sites").get(0).get("site").asString()).isEqualTo(site);
	}

	/** Takes responses and drops them unclosed; returns the line that takes them. */
	private int dropResponses(RestClient client, int count) {
		int line = 0;
		for (int i = 0; i < count; i++) {
			RestClient.RequestHeadersSpec<?> request = client.get().uri("http://127.0.0.1:" + this.port + "/upstream");
			// the exchange on one line, the line after this one: the formatter must not
			// wrap it
			line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
			ClientHttpResponse response = request.exchange((sent, exchanged) -> exchanged, false);
			assertThat(response).isNotNull();
		}
		return line;
	}

}
