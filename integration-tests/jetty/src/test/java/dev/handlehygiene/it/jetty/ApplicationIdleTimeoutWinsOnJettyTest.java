package dev.handlehygiene.it.jetty;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.handlehygiene.it.support.SettingsAuditClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's defaults are the lowest-precedence property source: a value the
 * application sets wins on the live connector, and the audit names the application as its
 * origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.jetty.connection-idle-timeout=7s")
class ApplicationIdleTimeoutWinsOnJettyTest {

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void connectorUsesTheApplicationsSevenSeconds() {
		assertThat(new LiveJetty(this.context).connectorIdleTimeoutsMillis()).isNotEmpty().containsOnly(7_000L);
	}

	@Test
	void auditNamesTheApplicationAsOrigin() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(new LiveJetty(this.context).port());
		assertThat(audit.entries("server.jetty.connection-idle-timeout")).isNotEmpty().allSatisfy((entry) -> {
			assertThat(entry.value()).isEqualTo("7s");
			assertThat(entry.origin()).startsWith("application");
			assertThat(entry.verdict()).isEqualTo("ok");
		});
	}

}
