package dev.handlehygiene.it.httpclient5;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.handlehygiene.it.support.SettingsAuditClient;

import static dev.handlehygiene.it.httpclient5.BootHttpClient5Pool.MAX_PER_ROUTE;
import static dev.handlehygiene.it.httpclient5.HttpClient5TestApplication.LARGE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anchor for {@link PoolLeaseTimeoutFailsTheNextCallTest}: with the starter's HTTP
 * client defaults off, the same leak leaves the next call queued on HttpClient's own
 * 3-minute lease timeout. Seeing it still waiting well past the 2 s bound shows that the
 * starter's default is what bounds the wait, without waiting the 3 minutes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "handle-hygiene.defaults.http-client.enabled=false")
class WithoutLeaseTimeoutTheNextCallWaitsTest {

	private static final Duration STILL_WAITING_AFTER = Duration.ofSeconds(5);

	@Autowired
	private RestClient.Builder builder;

	@LocalServerPort
	private int port;

	@Test
	void nextCallIsStillWaitingForALeaseAfterFiveSecondsAndProceedsOnceTheLeaksAreClosed() throws Exception {
		// one client, hence one pool, for the held responses and the waiting call
		RestClient client = this.builder.baseUrl("http://127.0.0.1:" + this.port).build();
		PendingCall next;
		try (HeldResponses held = new HeldResponses()) {
			assertThat(held.take(client, LARGE_PATH, MAX_PER_ROUTE)).hasSize(MAX_PER_ROUTE).containsOnly(200);
			next = PendingCall.start(() -> client.get().uri(LARGE_PATH).retrieve().toBodilessEntity());
			assertThat(next.awaitOutcome(STILL_WAITING_AFTER)).as("outcome within %s", STILL_WAITING_AFTER).isNull();
			// waiting for a pooled connection, not for the upstream
			assertThat(next.stack()).extracting(StackTraceElement::getClassName)
				.anyMatch((frame) -> frame.startsWith("org.apache.hc.core5.pool."));
		}
		// closing the held responses gave their connections back: the waiting call gets
		// one and completes
		PendingCall.Outcome outcome = next.awaitOutcome(Duration.ofSeconds(10));
		assertThat(outcome).as("outcome within 10 s of closing the held responses").isNotNull();
		assertThat(outcome.failure()).isNull();
		assertThat(outcome.result()).isInstanceOfSatisfying(ResponseEntity.class,
				(response) -> assertThat(response.getStatusCode().value()).isEqualTo(200));
		assertThat(next.threadEndsWithin(Duration.ofSeconds(5))).isTrue();
	}

	@Test
	void auditShowsHttpClientsOwnThreeMinutesAsTheFrameworkDefault() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(this.port);
		assertThat(audit.entries("handle-hygiene.defaults.http-client.pool-lease-timeout")).singleElement()
			.satisfies((entry) -> {
				assertThat(entry.value()).isEqualTo("180s");
				assertThat(entry.origin()).isEqualTo("framework default");
				assertThat(entry.object()).isEqualTo("Apache HttpClient 5 connection pool");
			});
		// with the group off, nothing sets the connect timeout either
		assertThat(audit.entries("spring.http.clients.connect-timeout")).singleElement().satisfies((entry) -> {
			assertThat(entry.value()).isEqualTo("not set");
			assertThat(entry.origin()).isEqualTo("framework default");
			assertThat(entry.verdict()).startsWith("unsafe");
		});
	}

}
