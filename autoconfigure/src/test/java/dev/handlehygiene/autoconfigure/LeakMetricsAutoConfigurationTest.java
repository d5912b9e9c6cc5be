package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.handlehygiene.actuate.LeakMeters;
import dev.handlehygiene.jdbc.JdbcLeakRegistry;
import dev.handlehygiene.leak.Gc;
import dev.handlehygiene.leak.LeakTracker;

import static org.assertj.core.api.Assertions.assertThat;

class LeakMetricsAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
				HttpClientLeakDetectionAutoConfiguration.class, JdbcLeakDetectionAutoConfiguration.class,
				MetricsAutoConfiguration.class, LeakMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@Test
	void aLeakedResponseCountsOneAndAnOpenOneIsTracked() {
		this.runner.run((context) -> {
			LeakTracker tracker = context.getBean("httpClientResponseLeakTracker", LeakTracker.class);
			SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
			Object held = new Object();
			tracker.track(held, () -> {
			}, "GET 127.0.0.1/held");
			leakOne(tracker);
			assertThat(Gc.until(() -> tracker.leaked() == 1, Duration.ofSeconds(10))).isTrue();
			assertThat(meters.get("handle.hygiene.leaks")
				.tags("resource", "http.client.response", "pool", "none")
				.functionCounter()
				.count()).isEqualTo(1.0);
			assertThat(
					meters.get("handle.hygiene.tracked.open").tag("resource", "http.client.response").gauge().value())
				.isEqualTo(1.0);
			assertThat(held).isNotNull();
		});
	}

	@Test
	void jdbcLeaksCountPerPoolIncludingThoseReportedBeforeBinding() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		registry.reported("orders", "conn0", "main", new Exception("borrowed before the meters were bound"));
		this.runner.withBean(JdbcLeakRegistry.class, () -> registry).run((context) -> {
			registry.reported("orders", "conn1", "main", new Exception("borrowed"));
			registry.reported("audit", "conn2", "main", new Exception("borrowed"));
			registry.returned("conn1", "main");
			SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
			assertThat(meters.get("handle.hygiene.leaks")
				.tags("resource", "jdbc.connection", "pool", "orders")
				.functionCounter()
				.count()).as("a return is not a leak, and the report before binding counts").isEqualTo(2.0);
			assertThat(meters.get("handle.hygiene.leaks")
				.tags("resource", "jdbc.connection", "pool", "audit")
				.functionCounter()
				.count()).isEqualTo(1.0);
			assertThat(meters.find("handle.hygiene.tracked.open").tag("resource", "jdbc.connection").gauge())
				.as("HikariCP's own meters count connections out")
				.isNull();
		});
	}

	@Test
	void noMetersWithoutALeakSource() {
		this.runner
			.withPropertyValues("handle-hygiene.leaks.http-client.enabled=false",
					"handle-hygiene.leaks.jdbc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LeakMeters.class));
	}

	@Test
	void contributesNothingWhenHandleHygieneIsDisabled() {
		this.runner.withPropertyValues("handle-hygiene.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LeakMeters.class));
	}

	@Test
	void backsOffFromLeakMetersTheUserDefines() {
		LeakMeters own = new LeakMeters(java.util.List.of());
		this.runner.withBean(LeakMeters.class, () -> own)
			.run((context) -> assertThat(context.getBean(LeakMeters.class)).isSameAs(own));
	}

	@Test
	void noMetersWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).doesNotHaveBean(LeakMeters.class));
	}

	private static void leakOne(LeakTracker tracker) {
		// the owner is unreachable once this frame returns
		tracker.track(new Object(), () -> {
		}, "GET 127.0.0.1/dropped");
	}

}
