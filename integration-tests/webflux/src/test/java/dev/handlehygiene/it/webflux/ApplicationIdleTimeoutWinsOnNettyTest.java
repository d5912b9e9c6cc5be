package dev.handlehygiene.it.webflux;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.handlehygiene.it.support.SettingsAuditClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's {@code server.netty.idle-timeout} wins over the starter's: the
 * running server closes a raw idle connection after the application's 2 s, and the audit
 * names the application as the origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.netty.idle-timeout=2s")
class ApplicationIdleTimeoutWinsOnNettyTest {

	@LocalServerPort
	private int port;

	@Test
	void serverClosesARawIdleConnectionAfterTheApplicationsTwoSeconds() throws Exception {
		Duration closedAfter = RawIdleConnection.timeUntilClosedByServer(this.port, Duration.ofSeconds(20));
		System.out.printf("raw idle connection closed by the server after %.2f s%n", closedAfter.toMillis() / 1000.0);
		assertThat(closedAfter).isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(5));
	}

	@Test
	void auditNamesTheApplicationAsOrigin() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(this.port);
		assertThat(audit.entries("server.netty.idle-timeout")).singleElement().satisfies((entry) -> {
			System.out.println("audit row: " + entry);
			assertThat(entry.value()).isEqualTo("2s");
			assertThat(entry.origin()).startsWith("application (");
			assertThat(entry.verdict()).isEqualTo("ok");
		});
	}

}
