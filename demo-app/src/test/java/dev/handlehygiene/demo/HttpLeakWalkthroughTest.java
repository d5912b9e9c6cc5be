package dev.handlehygiene.demo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.DemoJson.Closed;
import dev.handlehygiene.demo.DemoJson.Leaked;
import dev.handlehygiene.demo.DemoJson.Report;
import dev.handlehygiene.demo.DemoJson.Tcp;
import dev.handlehygiene.demo.DemoJson.TcpSection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walk-through in demo-app/README.md, as a test: leak K responses and watch
 * {@code /actuator/fdleaks} show K more sockets in {@code CLOSE_WAIT} to the upstream's
 * port; do the same calls correctly and watch it show none.
 */
class HttpLeakWalkthroughTest extends DemoOnRandomPorts {

	private static final int K = 25;

	/**
	 * Generous: the sockets reach CLOSE_WAIT within milliseconds; this only bounds a
	 * failing run.
	 */
	private static final Duration DEADLINE = Duration.ofSeconds(15);

	@Test
	void leakedResponsesShowUpAsCloseWaitSocketsToTheUpstream() {
		int closeWaitBefore = tcp().closeWait();
		long openBefore = report().open();

		Leaked leaked = this.demo.post("/leak/http?count=" + K, Leaked.class);
		assertThat(leaked.leaked()).isEqualTo(K);
		assertThat(leaked.totalHeld()).isGreaterThanOrEqualTo(K);
		assertThat(leaked.target()).isEqualTo("http://127.0.0.1:" + this.serverPort + "/upstream/payload");

		// the upstream's FIN reaches each socket asynchronously: poll until all of them
		// are in CLOSE_WAIT
		Tcp tcp = await().atMost(DEADLINE)
			.pollInterval(Duration.ofMillis(50))
			.until(this::tcp, (now) -> now.closeWait() >= closeWaitBefore + K);
		assertThat(tcp.remotes()).as("remotes in CLOSE_WAIT to the upstream's port")
			.filteredOn(
					(remote) -> remote.remote().endsWith(":" + this.serverPort) && remote.state().equals("CLOSE_WAIT"))
			.singleElement()
			.satisfies((remote) -> assertThat(remote.count()).isGreaterThanOrEqualTo(K));
		// each leaked socket is a descriptor the process holds. Less two: a count is an
		// instant, and on the MXBean fallback another thread's count (the sampler reads
		// every second while the count rises) holds a descriptor on /proc/self/fd while
		// it
		// lists, so the reading before may be one high, as may a connection in flight
		// (one
		// CI run on Temurin 25 read 195 against 196)
		assertThat(report().open()).isGreaterThanOrEqualTo(openBefore + K - 2);
	}

	@Test
	void closedResponsesLeaveNoSocketBehind() {
		int closeWaitBefore = tcp().closeWait();
		long openBefore = report().open();

		Closed closed = this.demo.post("/ok/http?count=" + K, Closed.class);
		assertThat(closed.closed()).isEqualTo(K);

		// retrieve() has closed every socket before the endpoint answered: nothing to
		// wait for. A few descriptors may
		// come and go meanwhile (this test's own connections), so allow slack well below
		// K.
		Report after = report();
		assertThat(after.tcp().closeWait()).isLessThan(closeWaitBefore + K / 2);
		assertThat(after.open()).isLessThan(openBefore + K / 2);
		assertThat(after.level()).isEqualTo("ok");
	}

	private Tcp tcp() {
		return this.demo.actuator("/actuator/fdleaks/tcp", TcpSection.class).tcp();
	}

	private Report report() {
		return this.demo.actuator("/actuator/fdleaks", Report.class);
	}

}
