package dev.handlehygiene.demo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.DemoJson.Leaked;
import dev.handlehygiene.demo.DemoJson.LeaksSection;
import dev.handlehygiene.demo.DemoJson.Tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dropped responses of the walk-through in demo-app/README.md: after a garbage
 * collection the starter reports them as leaked, at the demo's own call site, with its
 * stack.
 */
class DroppedResponseLeakTest extends DemoOnRandomPorts {

	private static final int K = 20;

	@Test
	void droppedResponsesAreReportedAtTheDemosCallSite() {
		long before = tracker().leaked();
		assertThat(this.demo.post("/leak/http/dropped?count=" + K, Leaked.class).leaked()).isEqualTo(K);
		// the demo runs in this JVM: collect here until the cleaner has reported them
		Tracker after = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
			System.gc();
			return tracker();
		}, (tracker) -> tracker.leaked() - before >= K * 0.9);
		assertThat(after.sites()).anySatisfy((site) -> {
			assertThat(site.site()).startsWith("dev.handlehygiene.demo.LeakyHttpController.callWithoutClosing(");
			assertThat(site.leaked()).isGreaterThanOrEqualTo((long) (K * 0.9));
			assertThat(site.stack())
				.anyMatch((frame) -> frame.startsWith("dev.handlehygiene.demo.LeakyHttpController.drop("));
		});
	}

	private Tracker tracker() {
		return this.demo.actuator("/actuator/fdleaks/leaks", LeaksSection.class).leaks().httpClient();
	}

}
