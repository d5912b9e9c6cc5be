package dev.handlehygiene.it.webflux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

import dev.handlehygiene.fd.TcpState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which {@code WebClient} misuses keep a socket beyond the read timeout, against an
 * upstream with a 16 MiB body: ten calls each, this process's ESTABLISHED and CLOSE_WAIT
 * sockets to the upstream counted before and right after the calls and once the read
 * timeout and 2 s more have passed; then the pool's eviction, which closes idle
 * connections and never one a caller holds, must leave none. The pool's idle bounds are
 * shortened (3 s idle, eviction every 1 s) so that this takes seconds rather than the
 * defaults' 40; the rest are the starter's. None is pinned: the read timeout (Reactor
 * Netty's response timeout) closes a connection whose body nobody reads,
 * {@code exchangeToMono} drains an unread body and returns the connection to the pool,
 * and a cancelled body closes its connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.http.clients.read-timeout=2s",
				// only the idle bounds shortened, so that an idle pooled socket is soon
				// told from a pinned one
				"handle-hygiene.defaults.http-client.pool-max-idle-time=3s",
				"handle-hygiene.defaults.http-client.pool-evict-in-background=1s" })
class WebClientMisuseSocketsTest {

	private static final int BODY = 16 * 1024 * 1024;

	private static final int CALLS = 10;

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

	@Autowired
	private WebClient.Builder builder;

	@Test
	void entityFluxWhoseBodyIsNeverSubscribedKeepsNoSocketBeyondTheReadTimeout() throws Exception {
		assertNoSocketBeyondTheReadTimeout("retrieve().toEntityFlux(DataBuffer.class), body never subscribed",
				(spec) -> spec.retrieve().toEntityFlux(DataBuffer.class));
	}

	@Test
	void exchangeToMonoReturningTheUnreadResponseKeepsNoSocketBeyondTheReadTimeout() throws Exception {
		assertNoSocketBeyondTheReadTimeout("exchangeToMono(Mono::just), body never read",
				(spec) -> spec.exchangeToMono(Mono::just));
	}

	@Test
	void firstBufferOfTheBodyKeepsNoSocketBeyondTheReadTimeout() throws Exception {
		assertNoSocketBeyondTheReadTimeout("retrieve().bodyToFlux(DataBuffer.class).next()",
				(spec) -> spec.retrieve().bodyToFlux(DataBuffer.class).next());
	}

	private void assertNoSocketBeyondTheReadTimeout(String misuse,
			Function<WebClient.RequestHeadersSpec<?>, Mono<?>> call) throws Exception {
		WebClient client = this.builder.build();
		try (LoopbackUpstream upstream = LoopbackUpstream.keepAlive(BODY)) {
			String before = counts(upstream);
			List<Object> held = new ArrayList<>();
			for (int i = 0; i < CALLS; i++) {
				held.add(call.apply(client.get().uri(upstream.url())).block(Duration.ofSeconds(10)));
			}
			long done = System.nanoTime();
			String after = counts(upstream);
			Duration wait = READ_TIMEOUT.plusSeconds(2);
			await().pollDelay(wait).atMost(wait.plusSeconds(1)).until(() -> true);
			String later = counts(upstream);
			double laterSeconds = (System.nanoTime() - done) / 1e9;
			// a socket still open is idle in the pool or pinned by a result held above;
			// eviction closes only the former
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(
						() -> assertThat(upstream.sockets(TcpState.ESTABLISHED) + upstream.sockets(TcpState.CLOSE_WAIT))
							.isZero());
			System.out.printf(
					"%s: before %s, right after %s, %.1f s after the last call %s, none %.1f s after"
							+ " (%d results held)%n",
					misuse, before, after, laterSeconds, later, (System.nanoTime() - done) / 1e9, held.size());
		}
	}

	private static String counts(LoopbackUpstream upstream) {
		return "ESTABLISHED=" + upstream.sockets(TcpState.ESTABLISHED) + " CLOSE_WAIT="
				+ upstream.sockets(TcpState.CLOSE_WAIT);
	}

}
