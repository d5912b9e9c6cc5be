package dev.handlehygiene.demo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.DemoJson.Closed;
import dev.handlehygiene.demo.DemoJson.Leaked;
import dev.handlehygiene.demo.DemoJson.LeaksSection;
import dev.handlehygiene.demo.DemoJson.Site;
import dev.handlehygiene.demo.DemoJson.Tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's JDBC steps: a connection borrowed by {@code POST /leak/jdbc} and kept
 * shows up, two seconds later, under {@code leaks.jdbc} with the demo's controller as the
 * borrower; {@code POST /leak/jdbc/return} marks it returned.
 */
class JdbcLeakWalkthroughTest extends DemoOnRandomPorts {

	private static final Duration DEADLINE = Duration.ofSeconds(15);

	@Test
	void aKeptConnectionIsReportedAtTheControllerAndMarkedReturnedWhenGivenBack() {
		long before = jdbc().leaked();
		assertThat(this.demo.post("/leak/jdbc", Leaked.class).leaked()).isEqualTo(1);
		Tracker reported = await().atMost(DEADLINE)
			.pollInterval(Duration.ofMillis(100))
			.until(this::jdbc, (jdbc) -> jdbc.leaked() == before + 1);
		assertThat(reported.suspected()).isGreaterThanOrEqualTo(1);
		Site site = reported.sites().get(0);
		assertThat(site.site()).startsWith("dev.handlehygiene.demo.LeakyJdbcController.leak(LeakyJdbcController.java:");
		assertThat(site.stack())
			.anyMatch((frame) -> frame.startsWith("dev.handlehygiene.demo.LeakyJdbcController.leak("));
		assertThat(site.pool()).isEqualTo("HikariPool-1");
		assertThat(site.recent().get(0).closedAt()).isNull();
		assertThat(this.demo.metric("handle.hygiene.leaks", "resource:jdbc.connection")).isEqualTo(before + 1.0);

		assertThat(this.demo.post("/leak/jdbc/return", Closed.class).closed()).isGreaterThanOrEqualTo(1);
		Tracker returned = await().atMost(DEADLINE)
			.pollInterval(Duration.ofMillis(100))
			.until(this::jdbc, (jdbc) -> jdbc.suspected() == 0);
		assertThat(returned.sites().get(0).recent().get(0).closedAt()).isNotBlank();
		assertThat(returned.leaked()).isEqualTo(before + 1);
	}

	private Tracker jdbc() {
		return this.demo.actuator("/actuator/fdleaks/leaks", LeaksSection.class).leaks().jdbc();
	}

}
