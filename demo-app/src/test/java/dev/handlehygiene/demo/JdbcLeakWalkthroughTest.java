package dev.handlehygiene.demo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.DemoJson.Closed;
import dev.handlehygiene.demo.DemoJson.Jdbc;
import dev.handlehygiene.demo.DemoJson.JdbcSite;
import dev.handlehygiene.demo.DemoJson.Leaked;
import dev.handlehygiene.demo.DemoJson.LeaksSection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's JDBC steps: a connection borrowed by {@code POST /leak/jdbc} and kept shows up, two seconds later,
 * under {@code leaks.jdbc} with the demo's controller as the borrower; {@code POST /leak/jdbc/return} marks it returned.
 */
class JdbcLeakWalkthroughTest extends DemoOnRandomPorts {

	private static final Duration DEADLINE = Duration.ofSeconds(15);

	@Test
	void aKeptConnectionIsReportedAtTheControllerAndMarkedReturnedWhenGivenBack() {
		long before = jdbc().leaked();
		assertThat(this.demo.post("/leak/jdbc", Leaked.class).leaked()).isEqualTo(1);
		Jdbc reported = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
			.until(this::jdbc, (jdbc) -> jdbc.leaked() == before + 1);
		assertThat(reported.stillOut()).isGreaterThanOrEqualTo(1);
		JdbcSite site = reported.sites().get(0);
		assertThat(site.site()).startsWith("dev.handlehygiene.demo.LeakyJdbcController.leak(LeakyJdbcController.java:");
		assertThat(site.stack()).anyMatch((frame) -> frame.startsWith("dev.handlehygiene.demo.LeakyJdbcController.leak("));
		assertThat(site.connections().get(0).returned()).isFalse();
		assertThat(this.demo.metric("handle.hygiene.leaks", "resource:jdbc.connection")).isEqualTo(before + 1.0);

		assertThat(this.demo.post("/leak/jdbc/return", Closed.class).closed()).isGreaterThanOrEqualTo(1);
		Jdbc returned = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
			.until(this::jdbc, (jdbc) -> jdbc.stillOut() == 0);
		assertThat(returned.sites().get(0).connections().get(0).returned()).isTrue();
		assertThat(returned.leaked()).isEqualTo(before + 1);
	}

	private Jdbc jdbc() {
		return this.demo.actuator("/actuator/fdleaks/leaks", LeaksSection.class).leaks().jdbc();
	}

}
