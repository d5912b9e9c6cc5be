package dev.handlehygiene.it.webflux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.handlehygiene.it.support.SettingsAuditClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With nothing but the starter, the Netty server runs with the starter's idle timeout of 100 s, and the audit reads it
 * back from the server's configuration. Waiting 100 s for the close would dominate the build: the closing itself is
 * measured in {@link ApplicationIdleTimeoutWinsOnNettyTest} with the application's shorter value, through the same
 * Spring Boot property.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StarterDefaultsOnNettyTest {

	@Autowired
	private ConfigurableEnvironment environment;

	@LocalServerPort
	private int port;

	@Test
	void idleTimeoutComesFromTheStartersDefaults() {
		assertThat(this.environment.getProperty("server.netty.idle-timeout")).isEqualTo("100s");
		assertThat(this.environment.getPropertySources().get("handleHygieneDefaults").getProperty(
				"server.netty.idle-timeout")).isEqualTo("100s");
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
	void noServletServerKeyIsAudited() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(this.port);
		assertThat(audit.entries("server.tomcat.connection-timeout")).isEmpty();
		assertThat(audit.entries("server.jetty.connection-idle-timeout")).isEmpty();
	}

	@Test
	void startUpLineCountsOnlyTheNettyIdleTimeoutAndTheLivenessGroup(CapturedOutput output) {
		// no Tomcat, Jetty or Hikari key applies here, and without a client builder no spring.http.clients.* key
		assertThat(output).contains("handle-hygiene: 2 safe defaults in force");
	}

}
