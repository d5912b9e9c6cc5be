package dev.handlehygiene.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import dev.handlehygiene.http.ScriptedUpstream.Script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The starter's read deadline on the JDK client against Spring's own read timeout, each
 * built as Spring Boot builds it, over real loopback upstreams that never answer, or send
 * part of a body and stall: both fail within the read timeout, with the same exceptions,
 * and leave the caller's thread as it was.
 */
class ReadDeadlineTest {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

	/** Far above the bound, so that a call still waiting here shows it is missing. */
	private static final long GIVE_UP_SECONDS = 10;

	private static final HttpClientSettings SETTINGS = HttpClientSettings.defaults().withReadTimeout(READ_TIMEOUT);

	private final ClientHttpRequestFactory springsOwn = ClientHttpRequestFactoryBuilder.jdk().build(SETTINGS);

	private final ClientHttpRequestFactory startersDeadline = JdkReadDeadlinePostProcessor
		.bounded(ClientHttpRequestFactoryBuilder.jdk())
		.build(SETTINGS);

	@Test
	void theStarterBuildsTheJdkFactoryWithoutSpringsReadTimeoutAndBoundsItItself() {
		assertThat(this.startersDeadline).isInstanceOfSatisfying(ReadDeadlineRequestFactory.class, (bounded) -> {
			assertThat(bounded.delegate()).isInstanceOf(JdkClientHttpRequestFactory.class);
			assertThat(bounded.delegate()).extracting("readTimeout").isNull();
			assertThat(bounded.readTimeout()).isEqualTo(READ_TIMEOUT);
		});
	}

	@Test
	void withoutAReadTimeoutTheJdkFactoryIsLeftAsSpringBootBuildsIt() {
		ClientHttpRequestFactory unbounded = JdkReadDeadlinePostProcessor.bounded(ClientHttpRequestFactoryBuilder.jdk())
			.build(HttpClientSettings.defaults());
		assertThat(unbounded).isInstanceOf(JdkClientHttpRequestFactory.class);
	}

	@Test
	void aReadTimeoutOfZeroIsLeftToSpring() {
		ClientHttpRequestFactory zero = JdkReadDeadlinePostProcessor.bounded(ClientHttpRequestFactoryBuilder.jdk())
			.build(HttpClientSettings.defaults().withReadTimeout(Duration.ZERO));
		assertThat(zero).isInstanceOf(JdkClientHttpRequestFactory.class)
			.extracting("readTimeout")
			.isEqualTo(Duration.ZERO);
	}

	@Test
	void otherClientsBuildersAreReturnedAsTheyAre() {
		ClientHttpRequestFactoryBuilder<?> simple = ClientHttpRequestFactoryBuilder.simple();
		assertThat(JdkReadDeadlinePostProcessor.bounded(simple)).isSameAs(simple);
	}

	@Test
	void aSilentUpstreamFailsWithinTheReadTimeoutWithTheExceptionsOfSpringsOwn() throws Exception {
		try (ScriptedUpstream upstream = new ScriptedUpstream(Script.SILENT)) {
			Failure starters = failure(
					() -> client(this.startersDeadline).get().uri(upstream.uri()).retrieve().body(String.class));
			Failure springs = failure(
					() -> client(this.springsOwn).get().uri(upstream.uri()).retrieve().body(String.class));
			assertThat(starters.chain()).startsWith(ResourceAccessException.class, HttpTimeoutException.class);
			assertThat(starters.chain()).isEqualTo(springs.chain());
			assertThat(starters.message()).contains("read timeout of PT1S");
			assertThat(starters.elapsed()).isGreaterThanOrEqualTo(READ_TIMEOUT).isLessThan(Duration.ofSeconds(5));
			assertThat(starters.interruptedAfter()).as("caller left interrupted").isFalse();
			assertThat(springs.interruptedAfter()).isFalse();
		}
	}

	@Test
	void aStalledBodyFailsWithinTheReadTimeoutWithTheExceptionsOfSpringsOwn() throws Exception {
		try (ScriptedUpstream upstream = new ScriptedUpstream(Script.STALLED_BODY)) {
			Failure starters = failure(
					() -> client(this.startersDeadline).get().uri(upstream.uri()).retrieve().body(String.class));
			Failure springs = failure(
					() -> client(this.springsOwn).get().uri(upstream.uri()).retrieve().body(String.class));
			assertThat(starters.chain()).isNotEmpty().isEqualTo(springs.chain());
			assertThat(starters.chain()).last().isEqualTo(IOException.class);
			assertThat(starters.elapsed()).isGreaterThanOrEqualTo(READ_TIMEOUT).isLessThan(Duration.ofSeconds(5));
			assertThat(starters.interruptedAfter()).isFalse();
		}
	}

	@Test
	void aStalledBodyReadByHandFailsAndItsResponseStillCloses() throws Exception {
		try (ScriptedUpstream upstream = new ScriptedUpstream(Script.STALLED_BODY)) {
			ClientHttpResponse response = this.startersDeadline
				.createRequest(URI.create(upstream.uri()), HttpMethod.GET)
				.execute();
			CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
				try (response) {
					InputStream body = response.getBody();
					assertThat(body.readNBytes(10)).hasSize(10);
					assertThatIOException().isThrownBy(body::read);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			reading.get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
		}
	}

	@Test
	void callsThatEndInTimeLeaveNoDeadlineBehind() throws Exception {
		// a timer of its own: other tests in this JVM may leave responses open, each
		// with its deadline queued on the shared one
		ReadDeadlineTimer timer = new ReadDeadlineTimer();
		ClientHttpRequestFactory bounded = new ReadDeadlineRequestFactory(
				ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()), READ_TIMEOUT, timer);
		try (ScriptedUpstream upstream = new ScriptedUpstream(Script.OK)) {
			RestClient client = client(bounded);
			for (int i = 0; i < 50; i++) {
				assertThat(client.get().uri(upstream.uri()).retrieve().body(String.class)).isEqualTo("ok");
			}
			List<ClientHttpResponse> readByHand = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				ClientHttpResponse response = bounded.createRequest(URI.create(upstream.uri()), HttpMethod.GET)
					.execute();
				readByHand.add(response);
				response.getBody().readAllBytes();
			}
			readByHand.forEach(ClientHttpResponse::close);
			// at once, not after the deadlines would have passed: each call took its own
			// out of the queue as it ended. Only the task that keeps the head stays (none
			// for the moment it runs)
			assertThat(timer.queued()).isLessThanOrEqualTo(1);
			assertThat(Thread.currentThread().isInterrupted()).isFalse();
		}
		finally {
			timer.shutdown();
		}
	}

	@Test
	void aRequestBodyIsStreamedAsTheJdkClientStreamsIt() throws Exception {
		assertThat(this.startersDeadline.createRequest(URI.create("http://127.0.0.1:9/"), HttpMethod.POST))
			.isInstanceOf(StreamingHttpOutputMessage.class);
	}

	private static RestClient client(ClientHttpRequestFactory factory) {
		return RestClient.builder().requestFactory(factory).build();
	}

	/**
	 * Runs the call on a thread of its own, so that a missing bound fails the test after
	 * {@link #GIVE_UP_SECONDS} instead of hanging it, and reads that thread's interrupt
	 * flag afterwards.
	 */
	private static Failure failure(ThrowingCall call) throws Exception {
		return CompletableFuture.supplyAsync(() -> {
			long start = System.nanoTime();
			try {
				call.run();
			}
			catch (Exception ex) {
				List<Class<?>> chain = new ArrayList<>();
				for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
					chain.add(cause.getClass());
				}
				Failure failure = new Failure(chain,
						String.valueOf(ex.getMessage()) + " / "
								+ String.valueOf((ex.getCause() != null) ? ex.getCause().getMessage() : null),
						Duration.ofNanos(System.nanoTime() - start), Thread.currentThread().isInterrupted());
				Thread.interrupted();
				return failure;
			}
			throw new AssertionError("the call did not fail");
		}).get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
	}

	@FunctionalInterface
	private interface ThrowingCall {

		void run() throws Exception;

	}

	private record Failure(List<Class<?>> chain, String message, Duration elapsed, boolean interruptedAfter) {

	}

}
