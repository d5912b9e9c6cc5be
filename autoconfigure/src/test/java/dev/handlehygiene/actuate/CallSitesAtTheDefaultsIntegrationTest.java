package dev.handlehygiene.actuate;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import dev.handlehygiene.leak.Gc;
import dev.handlehygiene.leak.LeakSite;
import dev.handlehygiene.leak.LeakTracker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the defaults, with no sampling property set, every leak is named at the line that
 * took the response: on a client from Spring Boot's builder, on a hand-built
 * {@code new RestTemplate()} bean and on a {@code RestClient.create()} bean, each
 * response counted once.
 */
@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(CallSitesAtTheDefaultsIntegrationTest.HandBuiltClients.class)
class CallSitesAtTheDefaultsIntegrationTest {

	private static final int BURST = 30;

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private static final String SITE_PREFIX = CallSitesAtTheDefaultsIntegrationTest.class.getName() + ".";

	@LocalServerPort
	int port;

	@Autowired
	RestClient.Builder builder;

	@Autowired
	@Qualifier("legacy")
	RestTemplate legacy;

	@Autowired
	@Qualifier("plain")
	RestClient plain;

	@Autowired
	@Qualifier("fromBuilder")
	RestClient fromBuilder;

	@Autowired
	Upstream upstream;

	@Autowired
	LeakTracker httpClientResponseLeakTracker;

	@Test
	void aBurstFromBootsBuilderIsNamedAtItsLine() throws Exception {
		RestClient client = this.builder.build();
		long before = tracker().leaked();
		for (int i = 0; i < BURST; i++) {
			dropFromBuilder(client);
		}
		assertNamedAtLeast(before, "dropFromBuilder");
	}

	@Test
	void aBurstFromAHandBuiltRestTemplateBeanIsNamedAtItsLine() throws Exception {
		long before = tracker().leaked();
		for (int i = 0; i < BURST; i++) {
			dropFromLegacy();
		}
		assertNamedAtLeast(before, "dropFromLegacy");
	}

	@Test
	void aBurstFromARestClientCreateBeanIsNamedAtItsLine() throws Exception {
		long before = tracker().leaked();
		for (int i = 0; i < BURST; i++) {
			dropFromPlain();
		}
		assertNamedAtLeast(before, "dropFromPlain");
	}

	@Test
	void aBeanFromBootsBuilderIsTrackedOnceAlthoughItIsAlsoPostProcessed() throws Exception {
		long tracked = tracker().tracked();
		long leaked = tracker().leaked();
		dropFromBean();
		assertThat(tracker().tracked()).as("one response, one tracking").isEqualTo(tracked + 1);
		assertThat(Gc.until(() -> tracker().leaked() > leaked, DEADLINE)).isTrue();
		// a second wrapper would be found leaked too, a moment later: give it the same
		// chance
		Gc.until(() -> tracker().leaked() > leaked + 1, Duration.ofSeconds(2));
		assertThat(tracker().leaked()).isEqualTo(leaked + 1);
	}

	@Test
	void anHttpExchangeClientOverAHandBuiltBeanIsTracked() throws Exception {
		long tracked = tracker().tracked();
		assertThat(this.upstream.get(URI.create(upstreamUri())).getStatusCode().value()).isEqualTo(200);
		assertThat(tracker().tracked()).isEqualTo(tracked + 1);
	}

	@Test
	void responsesReadOrClosedAreNeitherLeakedNorSuspected() throws Exception {
		long tracked = tracker().tracked();
		long leaked = tracker().leaked();
		String uri = upstreamUri();
		for (int i = 0; i < BURST; i++) {
			assertThat(this.plain.get().uri(uri).retrieve().body(String.class)).isEqualTo(LoopbackService.PAYLOAD);
			try (ClientHttpResponse response = this.legacy.getRequestFactory()
				.createRequest(URI.create(uri), HttpMethod.GET)
				.execute()) {
				assertThat(response.getStatusCode().value()).isEqualTo(200);
			}
			this.builder.build().get().uri(uri).exchange((request, response) -> {
				try (response) {
					return response.getStatusCode();
				}
			}, false);
		}
		assertThat(tracker().tracked()).as("every response was tracked").isEqualTo(tracked + 3L * BURST);
		System.gc();
		assertThat(Gc.until(() -> tracker().open() == 0, DEADLINE)).isTrue();
		assertThat(tracker().leaked()).isEqualTo(leaked);
		assertThat(tracker().suspected()).isZero();
	}

	private void dropFromBuilder(RestClient client) {
		client.get().uri(upstreamUri()).exchange((request, response) -> response, false);
	}

	private void dropFromLegacy() throws IOException {
		this.legacy.getRequestFactory().createRequest(URI.create(upstreamUri()), HttpMethod.GET).execute();
	}

	private void dropFromPlain() {
		this.plain.get().uri(upstreamUri()).exchange((request, response) -> response, false);
	}

	private void dropFromBean() {
		this.fromBuilder.get().uri(upstreamUri()).exchange((request, response) -> response, false);
	}

	private void assertNamedAtLeast(long before, String method) throws InterruptedException {
		int expected = BURST * 9 / 10;
		assertThat(Gc.until(() -> tracker().leaked() >= before + BURST, DEADLINE))
			.as("%d dropped responses found leaked", BURST)
			.isTrue();
		LeakSite site = tracker().sites()
			.stream()
			.filter((candidate) -> candidate.site().startsWith(SITE_PREFIX + method + "("))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no site in " + method + ": " + tracker().sites()));
		assertThat(site.site()).matches(".*\\(CallSitesAtTheDefaultsIntegrationTest\\.java:\\d+\\)");
		assertThat(site.leaked()).isGreaterThanOrEqualTo(expected);
		assertThat(site.stack().get(0)).isEqualTo(site.site());
	}

	private LeakTracker tracker() {
		return this.httpClientResponseLeakTracker;
	}

	private String upstreamUri() {
		return "http://127.0.0.1:" + this.port + "/upstream";
	}

	interface Upstream {

		@GetExchange
		ResponseEntity<String> get(URI uri);

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HandBuiltClients {

		@Bean
		RestTemplate legacy() {
			return new RestTemplate();
		}

		@Bean
		RestClient plain() {
			return RestClient.create();
		}

		@Bean
		RestClient fromBuilder(RestClient.Builder builder) {
			return builder.build();
		}

		@Bean
		Upstream upstream(@Qualifier("plain") RestClient plain) {
			return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(plain))
				.build()
				.createClient(Upstream.class);
		}

	}

}
