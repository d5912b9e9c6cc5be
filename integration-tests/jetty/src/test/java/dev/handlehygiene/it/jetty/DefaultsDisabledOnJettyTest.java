package dev.handlehygiene.it.jetty;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.handlehygiene.it.support.SettingsAuditClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anchor for {@link StarterDefaultsOnJettyTest}: with the defaults switched off Jetty
 * runs on Spring Boot's own default, no connection cap at all, and the audit flags it.
 * This is what the starter's default prevents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "handle-hygiene.defaults.enabled=false")
class DefaultsDisabledOnJettyTest {

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void serverHasNoConnectionLimit() {
		assertThat(new LiveJetty(this.context).connectionLimit()).isNull();
	}

	@Test
	void auditFlagsUnlimitedConnectionsAsUnsafeFrameworkDefault() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(new LiveJetty(this.context).port());
		assertThat(audit.entries("server.jetty.max-connections")).singleElement().satisfies((entry) -> {
			assertThat(entry.value()).isEqualTo("-1");
			assertThat(entry.origin()).isEqualTo("framework default");
			assertThat(entry.verdict()).startsWith("unsafe");
		});
	}

}
