package dev.handlehygiene.it.httpclient5;

import java.time.Duration;

import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import dev.handlehygiene.it.support.SettingsAuditClient;

import static dev.handlehygiene.it.httpclient5.BootHttpClient5Pool.MAX_PER_ROUTE;
import static dev.handlehygiene.it.httpclient5.HttpClient5TestApplication.LARGE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the starter's pool lease timeout (shortened to 2 s here), a caller that leaks
 * responses makes later calls fail fast instead of queueing for HttpClient's 3 minutes.
 * {@link WithoutLeaseTimeoutTheNextCallWaitsTest} is the anchor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "handle-hygiene.defaults.http-client.pool-lease-timeout=2s")
class PoolLeaseTimeoutFailsTheNextCallTest {

	private static final Duration LEASE_TIMEOUT = Duration.ofSeconds(2);

	@Autowired
	private RestClient.Builder builder;

	@LocalServerPort
	private int port;

	@Test
	void nextCallFailsWithinTheLeaseTimeoutOnceTheRoutesConnectionsAreAllHeld() throws Exception {
		// one pool for every call here: each injected RestClient.Builder (a prototype)
		// carries an HttpClient and pool
		// of its own, and every call below goes through this one client
		RestClient client = this.builder.baseUrl("http://127.0.0.1:" + this.port).build();
		PendingCall next;
		try (HeldResponses held = new HeldResponses()) {
			assertThat(held.take(client, LARGE_PATH, MAX_PER_ROUTE)).hasSize(MAX_PER_ROUTE).containsOnly(200);
			next = PendingCall.start(() -> client.get().uri(LARGE_PATH).retrieve().toBodilessEntity());
			PendingCall.Outcome outcome = next.awaitOutcome(LEASE_TIMEOUT.plusSeconds(2));
			assertThat(outcome).as(next::describeWhereWaiting).isNotNull();
			assertThat(outcome.failure()).isInstanceOf(ResourceAccessException.class)
				.hasRootCauseInstanceOf(ConnectionRequestTimeoutException.class)
				// HttpClient names the lease deadline it gave up on: the 2 s set above,
				// not its own 3 minutes
				.hasMessageContaining("Timeout deadline: 2000 MILLISECONDS");
			// it gave up because the lease wait ran out, not at once for some other
			// reason
			assertThat(outcome.took()).isGreaterThanOrEqualTo(LEASE_TIMEOUT.minusMillis(250));
		}
		assertThat(next.threadEndsWithin(Duration.ofSeconds(5))).isTrue();
	}

	@Test
	void auditShowsTheLeaseTimeoutTheApplicationSet() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(this.port);
		assertThat(audit.entries("handle-hygiene.defaults.http-client.pool-lease-timeout")).singleElement()
			.satisfies((entry) -> {
				assertThat(entry.value()).isEqualTo("2s");
				assertThat(entry.origin()).startsWith("application");
				assertThat(entry.verdict()).isEqualTo("ok");
				assertThat(entry.object()).isEqualTo("Apache HttpClient 5 connection pool");
			});
	}

}
