package dev.handlehygiene.it.webflux;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;

import dev.handlehygiene.fd.TcpState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter's pool closes pooled {@code WebClient} connections that stay idle past its
 * max idle time, although the upstream would keep them alive for 30 s: counted as this
 * process's sockets to the upstream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "handle-hygiene.defaults.http-client.pool-max-idle-time=1s",
				"handle-hygiene.defaults.http-client.pool-evict-in-background=500ms" })
class IdlePooledConnectionsClosedTest {

	@Autowired
	private WebClient.Builder builder;

	@Test
	void idlePooledConnectionsAreClosedAfterTheMaxIdleTime() throws Exception {
		WebClient client = this.builder.build();
		try (LoopbackUpstream upstream = LoopbackUpstream.keepAlive(512)) {
			// four calls at once, so that the pool opens more than one connection
			for (int round = 0; round < 3; round++) {
				Flux.range(0, 4)
					.flatMap((i) -> client.get().uri(upstream.url()).retrieve().toBodilessEntity())
					.blockLast(Duration.ofSeconds(10));
			}
			int pooled = upstream.sockets(TcpState.ESTABLISHED);
			long idleSince = System.nanoTime();
			System.out.println("pooled connections to the upstream after the calls: " + pooled);
			assertThat(pooled).isPositive();
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> assertThat(upstream.sockets(TcpState.ESTABLISHED)).isZero());
			double seconds = (System.nanoTime() - idleSince) / 1e9;
			System.out.printf("all %d pooled connections closed %.2f s after the last call%n", pooled, seconds);
			assertThat(seconds).isGreaterThanOrEqualTo(0.5);
		}
	}

}
