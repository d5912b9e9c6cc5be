package dev.handlehygiene.it.webflux;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

import dev.handlehygiene.it.support.AuditEntry;
import dev.handlehygiene.it.support.SettingsAuditClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With nothing but the starter, the Netty server runs with the starter's idle timeout of
 * 100 s, and the audit reads it back from the server's configuration. Waiting 100 s for
 * the close would dominate the build: the closing itself is measured in
 * {@link ApplicationIdleTimeoutWinsOnNettyTest} with the application's shorter value,
 * through the same Spring Boot property.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StarterDefaultsOnNettyTest {

	@Autowired
	private ConfigurableEnvironment environment;

	@LocalServerPort
	private int port;

	@Autowired
	private WebClient.Builder webClientBuilder;

	@Test
	void idleTimeoutComesFromTheStartersDefaults() {
		assertThat(this.environment.getProperty("server.netty.idle-timeout")).isEqualTo("100s");
		assertThat(this.environment.getPropertySources()
			.get("handleHygieneDefaults")
			.getProperty("server.netty.idle-timeout")).isEqualTo("100s");
	}

	@Test
	void auditReportsTheServersIdleTimeoutAsAHandleHygieneDefaultThatIsOk() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(this.port);
		assertThat(audit.entries("server.netty.idle-timeout")).singleElement().satisfies((entry) -> {
			System.out.println("audit row: " + entry);
			assertThat(entry.value()).isEqualTo("100s");
			assertThat(entry.origin()).isEqualTo("handle-hygiene default");
			assertThat(entry.verdict()).isEqualTo("ok");
			assertThat(entry.object()).isEqualTo("Netty server on port " + this.port + " (HttpServerConfig as bound)");
		});
	}

	@Test
	void auditReportsTheReactorNettyPoolBoundsAsHandleHygieneDefaultsThatAreOk() throws Exception {
		this.webClientBuilder.build();
		SettingsAuditClient audit = new SettingsAuditClient(this.port);
		Map<String, String> expected = Map.of("handle-hygiene.defaults.http-client.pool-max-idle-time", "30s",
				"handle-hygiene.defaults.http-client.pool-max-life-time", "300s",
				"handle-hygiene.defaults.http-client.pool-pending-acquire-timeout", "10s",
				"handle-hygiene.defaults.http-client.pool-evict-in-background", "10s");
		expected.forEach((key, value) -> assertThat(entries(audit, key)).singleElement().satisfies((entry) -> {
			System.out.println("audit row: " + entry);
			assertThat(entry.value()).isEqualTo(value);
			assertThat(entry.origin()).isEqualTo("handle-hygiene default");
			assertThat(entry.verdict()).isEqualTo("ok");
			assertThat(entry.object()).startsWith("Reactor Netty connection pool (WebClient) 'handle-hygiene'")
				.endsWith("(ConnectionProvider as the starter built it, used by the live HttpClient)");
		}));
	}

	@Test
	void auditReadsTheResponseTimeoutFromTheBuiltHttpClientAndNamesTheReactiveClient() throws Exception {
		this.webClientBuilder.build();
		SettingsAuditClient audit = new SettingsAuditClient(this.port);
		assertThat(audit.entries("spring.http.clients.read-timeout")).extracting(AuditEntry::object)
			.containsExactlyInAnyOrder("HttpClientSettings (Reactor connector (WebClient))",
					"Reactor Netty HttpClient (WebClient) response timeout, as built");
		assertThat(audit.entries("spring.http.clients.read-timeout")).allSatisfy((entry) -> {
			System.out.println("audit row: " + entry);
			assertThat(entry.value()).isEqualTo("30s");
			assertThat(entry.origin()).isEqualTo("handle-hygiene default");
			assertThat(entry.verdict()).isEqualTo("ok");
		});
	}

	private static List<AuditEntry> entries(SettingsAuditClient audit, String key) {
		try {
			return audit.entries(key);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void noServletServerKeyIsAudited() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(this.port);
		assertThat(audit.entries("server.tomcat.connection-timeout")).isEmpty();
		assertThat(audit.entries("server.jetty.connection-idle-timeout")).isEmpty();
	}

	@Test
	void startUpLineCountsOnlyTheNettyServerTheReactiveClientAndTheLivenessGroup(CapturedOutput output) {
		// no Tomcat, Jetty or Hikari key applies here: the Netty idle timeout, the two
		// spring.http.clients.* timeouts,
		// the four Reactor Netty pool bounds and the liveness group
		assertThat(output).contains("handle-hygiene: 8 safe defaults in force");
	}

}
