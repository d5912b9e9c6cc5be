package dev.handlehygiene.it.jetty;

import java.lang.management.ManagementFactory;

import com.sun.management.UnixOperatingSystemMXBean;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.handlehygiene.it.support.SettingsAuditClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With nothing but the starter, the running Jetty is bounded by the starter's defaults,
 * and the audit says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StarterDefaultsOnJettyTest {

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void connectorIdleTimeoutIsThirtySeconds() {
		// Jetty's own default is also 30 s: this reading alone cannot tell who set it,
		// the audit test below can
		assertThat(new LiveJetty(this.context).connectorIdleTimeoutsMillis()).isNotEmpty().containsOnly(30_000L);
	}

	@Test
	void connectionsAreCappedAtHalfTheDescriptorLimitAtMost8192() {
		NetworkConnectionLimit limit = new LiveJetty(this.context).connectionLimit();
		// Spring Boot adds the limit only when max-connections is set; its own default
		// (-1) adds none: unlimited
		assertThat(limit).as("NetworkConnectionLimit bean on the running server").isNotNull();
		assertThat(limit.getMaxNetworkConnectionCount()).isEqualTo(expectedMaxConnections());
	}

	@Test
	void auditReportsBothAsHandleHygieneDefaultsThatAreOk() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(new LiveJetty(this.context).port());
		assertThat(audit.entries("server.jetty.connection-idle-timeout")).isNotEmpty().allSatisfy((entry) -> {
			assertThat(entry.value()).isEqualTo("30s");
			assertThat(entry.origin()).isEqualTo("handle-hygiene default");
			assertThat(entry.verdict()).isEqualTo("ok");
			assertThat(entry.object()).startsWith("Jetty connector");
		});
		assertThat(audit.entries("server.jetty.max-connections")).singleElement().satisfies((entry) -> {
			assertThat(entry.value()).isEqualTo(String.valueOf(expectedMaxConnections()));
			assertThat(entry.origin()).isEqualTo("handle-hygiene default");
			assertThat(entry.verdict()).isEqualTo("ok");
			assertThat(entry.object()).isEqualTo("Jetty server");
		});
	}

	/**
	 * The starter's rule, min(8192, soft descriptor limit / 2): 8192 on the build
	 * machines (soft limit 20000), less where the limit is lower, so that the server
	 * alone cannot take the whole descriptor table.
	 */
	private static long expectedMaxConnections() {
		long softLimit = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getMaxFileDescriptorCount();
		return Math.min(8192, softLimit / 2);
	}

}
