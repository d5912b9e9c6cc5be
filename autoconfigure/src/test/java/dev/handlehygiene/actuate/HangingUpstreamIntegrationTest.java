package dev.handlehygiene.actuate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An upstream that accepts connections and never answers: with the read-timeout default a
 * call fails; without it, it waits. The read timeout is lowered through the property to
 * keep the test short.
 */
class HangingUpstreamIntegrationTest {

	/**
	 * Accepts (the kernel completes the handshake into the backlog) and never reads or
	 * writes.
	 */
	private ServerSocket upstream;

	@BeforeEach
	void listen() throws IOException {
		this.upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
	}

	@AfterEach
	void close() throws IOException {
		this.upstream.close();
	}

	private String uri() {
		return "http://127.0.0.1:" + this.upstream.getLocalPort() + "/never";
	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class, properties = "spring.http.clients.read-timeout=1s")
	class WithTheReadTimeout {

		@Autowired
		RestClient.Builder builder;

		@Test
		void aCallFailsWithinTheReadTimeoutAndTwoSeconds() {
			long start = System.nanoTime();
			assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(() -> this.builder.build().get().uri(uri()).retrieve().body(String.class));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		}

	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class, properties = "handle-hygiene.defaults.http-client.enabled=false")
	class WithoutIt {

		@Autowired
		RestClient.Builder builder;

		@Test
		void aCallIsStillWaitingAfterThreeSeconds() throws Exception {
			CompletableFuture<String> call = CompletableFuture
				.supplyAsync(() -> this.builder.build().get().uri(uri()).retrieve().body(String.class));
			try {
				// the bound the other test meets; this one must still be waiting after it
				assertThat(call.completeOnTimeout("still waiting", 3, TimeUnit.SECONDS).get())
					.isEqualTo("still waiting");
			}
			finally {
				// closing the upstream ends the hung read
				HangingUpstreamIntegrationTest.this.upstream.close();
			}
		}

	}

}
