package dev.handlehygiene.demo;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.DemoJson.Leaked;
import dev.handlehygiene.demo.DemoJson.ReleasedClients;
import dev.handlehygiene.demo.DemoJson.Report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's client-per-call step: K JDK HTTP clients built per call and kept hold K
 * selector threads and 2K {@code anon_inode} descriptors in {@code /actuator/fdleaks};
 * releasing them gives both back.
 */
class ClientPerCallLeakWalkthroughTest extends DemoOnRandomPorts {

	private static final int K = 10;

	/**
	 * Generous: on Java 17 a dropped client's thread notices within about 3 s of the
	 * collection; this only bounds a failing run.
	 */
	private static final Duration DEADLINE = Duration.ofSeconds(30);

	/** The name the JDK gives each client's selector thread. */
	private static final Pattern SELECTOR_THREAD = Pattern.compile("HttpClient-(\\d+)-SelectorManager");

	@Test
	void clientsBuiltPerCallKeepTheirSelectorsUntilReleased() {
		long newestBefore = selectorThreadIds().max().orElse(0);
		int anonInodesBefore = anonInodes();

		Leaked leaked = this.demo.post("/leak/client-per-call?count=" + K, Leaked.class);
		assertThat(leaked.leaked()).isEqualTo(K);
		assertThat(leaked.totalHeld()).isEqualTo(K);
		assertThat(leaked.target()).isEqualTo("http://127.0.0.1:" + this.serverPort + "/upstream/payload");

		// the demo runs in this JVM: the kept clients' threads are here, one each
		assertThat(selectorThreadIds().filter((id) -> id > newestBefore).count()).isEqualTo(K);
		int anonInodesHeld = anonInodes();
		assertThat(anonInodesHeld).isGreaterThanOrEqualTo(anonInodesBefore + 2 * K);

		ReleasedClients released = this.demo.post("/leak/client-per-call/release", ReleasedClients.class);
		assertThat(released.closed() + released.dropped()).isEqualTo(K);
		// before Java 21 a dropped client ends once collected: collect here until it has
		await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			System.gc();
			assertThat(selectorThreadIds().filter((id) -> id > newestBefore)).isEmpty();
			assertThat(anonInodes()).isLessThanOrEqualTo(anonInodesHeld - 2 * K);
		});
	}

	private int anonInodes() {
		return this.demo.actuator("/actuator/fdleaks", Report.class).types().get("anon_inode");
	}

	private static LongStream selectorThreadIds() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map((thread) -> SELECTOR_THREAD.matcher(thread.getName()))
			.filter(Matcher::matches)
			.mapToLong((matcher) -> Long.parseLong(matcher.group(1)));
	}

}
