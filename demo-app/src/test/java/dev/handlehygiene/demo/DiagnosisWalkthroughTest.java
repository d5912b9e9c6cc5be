package dev.handlehygiene.demo;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.handlehygiene.demo.DemoJson.Closed;
import dev.handlehygiene.demo.DemoJson.DiagnosisSection;
import dev.handlehygiene.demo.DemoJson.Finding;
import dev.handlehygiene.demo.DemoJson.Leaked;
import dev.handlehygiene.demo.DemoJson.ReleasedClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's diagnosis after steps 10, 11 and 9: each leak in turn, the previous one
 * released first, is the first finding of {@code /actuator/fdleaks/diagnosis}, named by
 * its kind and group. A short sample interval lets the diagnosis answer within a second
 * or two of the leak. The window is 10 s: while the count is flat a census comes once per
 * window, so the one before a leak can be almost a window old, and with a 3 s window a
 * loaded machine's first look at the diagnosis came after that census had left it (one CI
 * run found nothing for 30 s). A released leak is no finding however long the window: its
 * group is back to where it was.
 */
@TestPropertySource(properties = { "handle-hygiene.fd.sample-interval=200ms", "handle-hygiene.fd.trend-window=10s" })
class DiagnosisWalkthroughTest extends DemoOnRandomPorts {

	private static final int K = 20;

	/** Bounds a failing run; a passing one answers within a sample or two. */
	private static final Duration DEADLINE = Duration.ofSeconds(30);

	/** The name the JDK gives each client's selector thread. */
	private static final Pattern SELECTOR_THREAD = Pattern.compile("HttpClient-(\\d+)-SelectorManager");

	@Test
	void eachLeakInTurnIsTheFirstFinding() {
		// a census before any leak, for growth to be measured from: asking for the
		// diagnosis takes one when there is none. The sampler takes its own only at its
		// second sample, and a context started in half a second leaked before that (a CI
		// run on Temurin 25: every census came after the leak, and nothing grew for 30 s)
		assertThat(this.demo.actuator("/actuator/fdleaks/diagnosis", DiagnosisSection.class).diagnosis().window())
			.isEqualTo("PT10S");
		// step 10: directory streams, two descriptors each on the directory
		String directory = this.demo.post("/leak/directory?count=" + K, Leaked.class).target();
		awaitFirstFinding((first) -> {
			assertThat(first.kind()).isEqualTo("directory");
			assertThat(first.group()).isEqualTo(directory);
			assertThat(first.growth()).isGreaterThanOrEqualTo(2 * K);
			assertThat(first.cause()).contains("Files.list");
		});
		assertThat(this.demo.post("/leak/directory/release", Closed.class).closed()).isEqualTo(K);
		awaitNoLongerFound(directory);

		// step 11: raw sockets kept ESTABLISHED to the demo's loopback peer
		String peer = this.demo.post("/leak/socket?count=" + K, Leaked.class).target();
		awaitFirstFinding((first) -> {
			assertThat(first.kind()).isEqualTo("tcp");
			assertThat(first.group()).isEqualTo(peer + " ESTABLISHED");
			assertThat(first.growth()).isGreaterThanOrEqualTo(K);
			assertThat(first.cause()).contains("sockets never closed");
		});
		assertThat(this.demo.post("/leak/socket/release", Closed.class).closed()).isEqualTo(K);
		awaitNoLongerFound(peer + " ESTABLISHED");

		// step 9: a JDK HttpClient built per call, each with its selector
		long newestBefore = selectorThreadIds().max().orElse(0);
		this.demo.post("/leak/client-per-call?count=" + K, Leaked.class);
		awaitFirstFinding((first) -> {
			assertThat(first.kind()).isEqualTo("selectors");
			assertThat(first.group()).isEqualTo("selectors");
			assertThat(first.growth()).isGreaterThanOrEqualTo(2 * K);
			assertThat(first.cause()).contains("HttpClient");
		});
		ReleasedClients released = this.demo.post("/leak/client-per-call/release", ReleasedClients.class);
		assertThat(released.closed() + released.dropped()).isEqualTo(K);
		// before Java 21 a dropped client ends once collected: collect here until it has,
		// so that its descriptors do not close in the middle of another test's counts
		await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			System.gc();
			assertThat(selectorThreadIds().filter((id) -> id > newestBefore)).isEmpty();
		});
	}

	private void awaitFirstFinding(FindingAssertion assertion) {
		await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			List<Finding> findings = this.demo.actuator("/actuator/fdleaks/diagnosis", DiagnosisSection.class)
				.diagnosis()
				.findings();
			assertThat(findings).isNotEmpty();
			assertion.check(findings.get(0));
		});
	}

	/**
	 * Until a census taken after the release shows the group back where it was, so that
	 * the next leak is measured from a census that holds neither. Asking for the
	 * diagnosis takes such a census, at most one per sample interval.
	 */
	private void awaitNoLongerFound(String group) {
		await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			List<Finding> findings = this.demo.actuator("/actuator/fdleaks/diagnosis", DiagnosisSection.class)
				.diagnosis()
				.findings();
			assertThat(findings).extracting(Finding::group).doesNotContain(group);
		});
	}

	private static LongStream selectorThreadIds() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map((thread) -> SELECTOR_THREAD.matcher(thread.getName()))
			.filter(Matcher::matches)
			.mapToLong((matcher) -> Long.parseLong(matcher.group(1)));
	}

	@FunctionalInterface
	private interface FindingAssertion {

		void check(Finding first);

	}

}
