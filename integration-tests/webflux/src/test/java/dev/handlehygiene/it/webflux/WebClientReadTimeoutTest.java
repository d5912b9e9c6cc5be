package dev.handlehygiene.it.webflux;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.client.WebClient;

import dev.handlehygiene.defaults.ReactorNettyPoolCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code spring.http.clients.read-timeout} reaches the {@code HttpClient} built on the
 * starter's pool as its response timeout: a {@code WebClient} call to an upstream that
 * never answers fails within it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.http.clients.read-timeout=2s")
class WebClientReadTimeoutTest {

	@Autowired
	private WebClient.Builder builder;

	@Autowired
	private ReactorNettyPoolCustomizer pool;

	@Autowired
	private ReactorResourceFactory resources;

	@Test
	void callToAnUpstreamThatNeverAnswersFailsWithinTheReadTimeout() throws Exception {
		WebClient client = this.builder.build();
		try (LoopbackUpstream upstream = LoopbackUpstream.silent()) {
			long start = System.nanoTime();
			assertThatException().isThrownBy(
					() -> client.get().uri(upstream.url()).retrieve().toBodilessEntity().block(Duration.ofSeconds(30)));
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("WebClient call to a silent upstream failed after %.2f s%n", seconds);
			assertThat(seconds).isBetween(1.5, 5.0);
		}
	}

	@Test
	void httpClientIsBuiltOnTheStartersPoolAndBootsEventLoopsWithTheReadTimeoutAsItsResponseTimeout() {
		this.builder.build();
		assertThat(this.pool.builtConfiguration()).isNotNull();
		assertThat(this.pool.builtConfiguration().connectionProvider()).isSameAs(this.pool.pool());
		// Spring Boot's own customizer ran first and still applies its event loops
		assertThat(this.pool.builtConfiguration().loopResources()).isSameAs(this.resources.getLoopResources());
		assertThat(this.pool.builtConfiguration().responseTimeout()).isEqualTo(Duration.ofSeconds(2));
	}

}
