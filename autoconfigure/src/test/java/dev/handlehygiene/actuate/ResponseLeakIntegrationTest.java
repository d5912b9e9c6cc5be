package dev.handlehygiene.actuate;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.RemoteCount;
import dev.handlehygiene.fd.TcpState;
import dev.handlehygiene.leak.Gc;
import dev.handlehygiene.leak.LeakTracker;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import dev.handlehygiene.leak.CallSites;
import dev.handlehygiene.leak.LeakTrackerSettings;

/**
 * Response tracking on a real server, through the auto-configured
 * {@link RestClient.Builder} (the JDK client here).
 */
class ResponseLeakIntegrationTest {

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private static final int N = 40;

	/** Takes N responses and drops them unclosed; returns the line that takes them. */
	static int dropResponses(RestClient client, String uri, int count) {
		int line = 0;
		for (int i = 0; i < count; i++) {
			line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
			ClientHttpResponse response = client.get().uri(uri).exchange((request, exchanged) -> exchanged, false);
			assertThat(response).isNotNull();
		}
		return line;
	}

	static int closeWaitTo(int port) {
		return new FileDescriptorInventory().take(1000)
			.remotes()
			.stream()
			.filter((remote) -> remote.remote().equals("127.0.0.1:" + port) && remote.state() == TcpState.CLOSE_WAIT)
			.mapToInt(RemoteCount::count)
			.sum();
	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=health,fdleaks,metrics",
					"management.endpoint.fdleaks.show-details=always",
					// every stack captured, so that every leak is attributed to this
					// test's line (default: 1 in 100)
					"handle-hygiene.leaks.http-client.sampling=1.0" })
	class WithEveryCallSiteSampled {

		@LocalServerPort
		int port;

		@Autowired
		RestClient.Builder builder;

		@Autowired
		@Qualifier("httpClientResponseLeakTracker")
		LeakTracker tracker;

		@Autowired
		MeterRegistry meters;

		@Test
		void droppedResponsesAreReportedAtTheirCallSiteAndCounted() throws InterruptedException {
			long before = this.tracker.leaked();
			RestClient client = this.builder.build();
			int line = dropResponses(client, "http://127.0.0.1:" + this.port + "/upstream?token=secret", N);
			// every dropped response is found, not only the 90 % asserted below: one
			// still open would be counted by
			// the next test in this context
			assertThat(Gc.until(() -> this.tracker.leaked() - before >= N, DEADLINE)).isTrue();
			String site = "dev.handlehygiene.actuate.ResponseLeakIntegrationTest.dropResponses(ResponseLeakIntegrationTest.java:"
					+ line + ")";
			JsonNode leaks = new ActuatorClient(this.port).body("/actuator/fdleaks/leaks")
				.get("leaks")
				.get("httpClient");
			assertThat(leaks.get("leaked").asLong()).isGreaterThanOrEqualTo((long) (N * 0.9));
			JsonNode entry = null;
			for (JsonNode candidate : leaks.get("sites")) {
				if (candidate.get("site").asString().equals(site)) {
					entry = candidate;
				}
			}
			assertThat(entry).as("%s in %s", site, leaks).isNotNull();
			assertThat(entry.get("leaked").asLong()).isGreaterThanOrEqualTo((long) (N * 0.9));
			assertThat(entry.get("stack").get(0).asString()).isEqualTo(site);
			double counted = this.meters.get("handle.hygiene.leaks")
				.tag("resource", "http.client.response")
				.functionCounter()
				.count();
			assertThat(counted).isEqualTo((double) this.tracker.leaked());
		}

		@Test
		void responsesReadWithRetrieveOrClosedAreNeverReported() throws Exception {
			long leakedBefore = this.tracker.leaked();
			RestClient client = this.builder.build();
			String uri = "http://127.0.0.1:" + this.port + "/upstream";
			for (int i = 0; i < N; i++) {
				assertThat(client.get().uri(uri).retrieve().body(String.class)).isEqualTo(LoopbackService.PAYLOAD);
				try (ClientHttpResponse response = client.get().uri(uri).exchange((request, r) -> r, false)) {
					assertThat(response.getStatusCode().value()).isEqualTo(200);
				}
			}
			assertThat(this.tracker.open()).isZero();
			assertThat(this.tracker.suspected()).isZero();
			// a dropped marker, so that the GC and cleaner are known to have run over
			// everything above
			LeakTracker marker = markerAfterGc();
			assertThat(marker.leaked()).isEqualTo(1);
			assertThat(this.tracker.leaked()).isEqualTo(leakedBefore);
		}

		@Test
		void aCallerThatKeepsOnlyTheBodyAndReadsSlowlyIsNeverReported() throws Exception {
			long leakedBefore = this.tracker.leaked();
			InputStream body = this.builder.build()
				.get()
				.uri("http://127.0.0.1:" + this.port + "/upstream/large")
				.exchange((request, response) -> response.getBody(), false);
			byte[] chunk = new byte[16 * 1024];
			long read = 0;
			int n;
			while ((n = body.read(chunk)) > 0) {
				read += n;
				// several collections while only the body stream is referenced
				System.gc();
			}
			assertThat(read).isEqualTo(LoopbackService.LARGE_PAYLOAD.length());
			markerAfterGc();
			assertThat(this.tracker.leaked()).isEqualTo(leakedBefore);
			body.close();
			assertThat(this.tracker.open()).isZero();
		}

		@Test
		void theSocketsOfLeakedResponsesAreReleasedAfterGc() throws InterruptedException {
			long before = this.tracker.leaked();
			RestClient client = this.builder.build();
			List<ClientHttpResponse> held = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				held.add(client.get()
					.uri("http://127.0.0.1:" + this.port + "/upstream/large")
					.exchange((request, response) -> response, false));
			}
			// the upstream has sent everything and closed: each unread response pins a
			// socket in CLOSE_WAIT
			assertThat(Gc.until(() -> closeWaitTo(this.port) >= 10, DEADLINE)).isTrue();
			held.clear();
			assertThat(Gc.until(() -> this.tracker.leaked() - before >= 10, DEADLINE)).isTrue();
			assertThat(Gc.until(() -> closeWaitTo(this.port) == 0, DEADLINE)).as("CLOSE_WAIT sockets released")
				.isTrue();
		}

		private LeakTracker markerAfterGc() throws InterruptedException {
			LeakTracker marker = new LeakTracker("marker",
					new dev.handlehygiene.leak.LeakTrackerSettings(0, Duration.ofMinutes(1), false, 1),
					new dev.handlehygiene.leak.CallSites(List.of(), 1));
			marker.track(new Object(), null, "marker");
			assertThat(Gc.until(() -> marker.leaked() == 1, DEADLINE)).isTrue();
			return marker;
		}

	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "handle-hygiene.leaks.http-client.close-leaked=false")
	class KeepingLeakedResponsesOpen {

		@LocalServerPort
		int port;

		@Autowired
		RestClient.Builder builder;

		@Autowired
		@Qualifier("httpClientResponseLeakTracker")
		LeakTracker tracker;

		@Test
		void theirSocketsStayInCloseWait() throws InterruptedException {
			long before = this.tracker.leaked();
			// the client is kept: its connections are its own, and only closing a
			// response releases one
			RestClient client = this.builder.build();
			dropResponses(client, "http://127.0.0.1:" + this.port + "/upstream/large", 10);
			assertThat(Gc.until(() -> this.tracker.leaked() - before >= 10, DEADLINE)).isTrue();
			assertThat(Gc.until(() -> closeWaitTo(this.port) >= 10, DEADLINE)).isTrue();
			// more collections change nothing
			for (int i = 0; i < 5; i++) {
				System.gc();
			}
			assertThat(closeWaitTo(this.port)).isGreaterThanOrEqualTo(10);
			assertThat(client).isNotNull();
		}

	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=fdleaks",
					"handle-hygiene.leaks.http-client.max-open-age=200ms" })
	class WithAShortMaxOpenAge {

		@LocalServerPort
		int port;

		@Autowired
		RestClient.Builder builder;

		@Test
		void aResponseHeldOpenIsSuspectedWithoutGcAndCountsAreNotDetails() throws InterruptedException {
			List<ClientHttpResponse> held = new ArrayList<>();
			try {
				held.add(this.builder.build()
					.get()
					.uri("http://127.0.0.1:" + this.port + "/upstream")
					.exchange((request, response) -> response, false));
				ActuatorClient actuator = new ActuatorClient(this.port);
				JsonNode leaks = await("the held response suspected").atMost(DEADLINE)
					.until(() -> actuator.body("/actuator/fdleaks/leaks"),
							(body) -> body.get("leaks").get("httpClient").get("suspected").asLong() >= 1);
				JsonNode httpClient = leaks.get("leaks").get("httpClient");
				assertThat(httpClient.get("suspected").asLong()).isEqualTo(1);
				assertThat(httpClient.get("open").asLong()).isEqualTo(1);
				// details are hidden by default: counts only
				assertThat(httpClient.has("sites")).isFalse();
				assertThat(leaks.get("hiddenDetails").asString()).contains("call sites");
			}
			finally {
				held.forEach(ClientHttpResponse::close);
			}
		}

	}

}
