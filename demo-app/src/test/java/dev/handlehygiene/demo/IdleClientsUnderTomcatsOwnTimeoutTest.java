package dev.handlehygiene.demo;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.handlehygiene.demo.SettingsJson.SettingsSection;

import static dev.handlehygiene.demo.IdleClientsClosedByDefaultConnectionTimeoutTest.CLIENTS;
import static dev.handlehygiene.demo.IdleClientsClosedByDefaultConnectionTimeoutTest.CLOSED_WITHIN;
import static dev.handlehygiene.demo.IdleClientsClosedByDefaultConnectionTimeoutTest.CONNECTION_TIMEOUT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anchor for {@link IdleClientsClosedByDefaultConnectionTimeoutTest}: with the
 * application setting Tomcat's own 60 s, the same idle clients, waited on for the same
 * bound, are still open, so that check passes because of the starter's default and would
 * fail without it. Waits the bound only, not the 60 s.
 * <p>
 * Its own application context (the properties differ), so its own Tomcat on its own port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "server.tomcat.connection-timeout=60s" })
class IdleClientsUnderTomcatsOwnTimeoutTest extends DemoOnRandomPorts {

	/**
	 * A close or two for a reason of its own would not mean the timeout fired; 300 would.
	 */
	private static final int ALMOST_NONE = 5;

	@Test
	void idleClientsOutlastTheBoundUnderTomcatsOwnSixtySeconds() {
		SettingsSection audit = this.demo.actuator("/actuator/fdleaks/settings", SettingsSection.class);
		assertThat(audit.withKey(CONNECTION_TIMEOUT_KEY)).as("the audit of %s", CONNECTION_TIMEOUT_KEY)
			.isNotEmpty()
			.allSatisfy((setting) -> {
				assertThat(setting.value()).isEqualTo("60s");
				assertThat(setting.origin()).startsWith("application");
			});

		try (IdleConnections idle = IdleConnections.open(CLIENTS,
				new InetSocketAddress("127.0.0.1", this.serverPort))) {
			int closed = idle.awaitClosedByServer(CLOSED_WITHIN);
			System.out.println(
					"idle clients under 60s: " + closed + " of " + CLIENTS + " closed by the server; " + idle.times());
			assertThat(closed).as("idle connections closed by the server within %s (%s)", CLOSED_WITHIN, idle.times())
				.isLessThan(ALMOST_NONE);
		}
	}

}
