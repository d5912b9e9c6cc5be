package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.handlehygiene.actuate.FileDescriptorTrendMeters;
import dev.handlehygiene.actuate.LeakMeters;
import dev.handlehygiene.actuate.ProbeFileDescriptorMetrics;
import dev.handlehygiene.actuate.TcpSocketMeters;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.TcpState;
import dev.handlehygiene.jdbc.JdbcLeakRegistry;
import dev.handlehygiene.leak.Gc;
import dev.handlehygiene.leak.LeakTracker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's meters: the descriptor meters on the probe and the exhaustion gauge, the
 * leak meters over every leak source, and the TCP-state meter.
 */
class HandleHygieneMetricsAutoConfigurationTest {

	private static final String EXHAUSTION_ETA = "handle.hygiene.fd.exhaustion.eta";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HandleHygieneAutoConfiguration.class, HandleHygieneMetricsAutoConfiguration.class,
						MetricsAutoConfiguration.class, SystemMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	private final ApplicationContextRunner leakRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
				HttpClientLeakDetectionAutoConfiguration.class, JdbcLeakDetectionAutoConfiguration.class,
				MetricsAutoConfiguration.class, HandleHygieneMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	private final ApplicationContextRunner tcpRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
				HandleHygieneMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void replacesSpringBootsFileDescriptorMetricsWithTheProbeBackedOnes() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FileDescriptorMetrics.class);
			assertThat(context.getBean(FileDescriptorMetrics.class)).isInstanceOf(ProbeFileDescriptorMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			FileDescriptorProbe probe = context.getBean(FileDescriptorProbe.class);
			long count = probe.count();
			assertThat(registry.get("process.files.open").gauge().value()).isBetween(count - 5.0, count + 5.0);
			assertThat(registry.get("process.files.max").gauge().value()).isEqualTo((double) probe.limit());
		});
	}

	@Test
	void registersTheExhaustionEtaOnTheSampler() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FileDescriptorTrendMeters.class);
			// no growth projected in a fresh context: the gauge says it cannot tell
			// rather than making up a number
			assertThat(context.getBean(MeterRegistry.class).get(EXHAUSTION_ETA).timeGauge().value()).isNaN();
		});
	}

	@Test
	void backsOffWhenTheUserDefinesFileDescriptorMetrics() {
		this.runner.withBean("ownFileDescriptorMetrics", FileDescriptorMetrics.class, FileDescriptorMetrics::new)
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorMetrics.class)
				.hasBean("ownFileDescriptorMetrics")
				.doesNotHaveBean(ProbeFileDescriptorMetrics.class));
	}

	@Test
	void contributesNothingWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
					HandleHygieneMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorProbe.class)
				.doesNotHaveBean(ProbeFileDescriptorMetrics.class)
				.doesNotHaveBean(FileDescriptorTrendMeters.class));
	}

	@Test
	void contributesNothingWhenHandleHygieneIsDisabled() {
		this.runner.withPropertyValues("handle-hygiene.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ProbeFileDescriptorMetrics.class)
				.doesNotHaveBean(FileDescriptorTrendMeters.class);
			// Spring Boot's own binder is back
			assertThat(context).hasSingleBean(FileDescriptorMetrics.class);
			assertThat(context.getBean(MeterRegistry.class).find(EXHAUSTION_ETA).gauge()).isNull();
		});
	}

	@Test
	void contributesNothingWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorProbe.class)
				.doesNotHaveBean(ProbeFileDescriptorMetrics.class)
				.doesNotHaveBean(FileDescriptorTrendMeters.class));
	}

	@Test
	void aLeakedResponseCountsOneAndAnOpenOneIsTracked() {
		this.leakRunner.run((context) -> {
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
		// the JDBC leak detection left out, so that this registry is the one leak source
		// for HikariCP's reports
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
					MetricsAutoConfiguration.class, HandleHygieneMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withBean(JdbcLeakRegistry.class, () -> registry)
			.run((context) -> {
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
		this.leakRunner
			.withPropertyValues("handle-hygiene.leaks.http-client.enabled=false",
					"handle-hygiene.leaks.jdbc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LeakMeters.class));
	}

	@Test
	void noLeakMetersWhenHandleHygieneIsDisabled() {
		this.leakRunner.withPropertyValues("handle-hygiene.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LeakMeters.class));
	}

	@Test
	void noLeakMetersWithoutMicrometer() {
		this.leakRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).doesNotHaveBean(LeakMeters.class));
	}

	@Test
	void bindsOneTcpSocketGaugePerStateByDefault() {
		this.tcpRunner.run((context) -> {
			assertThat(context).hasSingleBean(TcpSocketMeters.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(TcpSocketMeters.class).bindTo(registry);
			assertThat(registry.find("handle.hygiene.tcp.sockets").gauges()).hasSize(TcpState.values().length);
			assertThat(registry.get("handle.hygiene.tcp.sockets").tag("state", "CLOSE_WAIT").gauge().value())
				.isGreaterThanOrEqualTo(0);
		});
	}

	@Test
	void tcpSocketMetersAreSwitchedOffByProperty() {
		this.tcpRunner.withPropertyValues("handle-hygiene.metrics.tcp-sockets.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TcpSocketMeters.class));
	}

	@Test
	void noTcpSocketMetersWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
					HandleHygieneMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TcpSocketMeters.class));
	}

	@Test
	void noTcpSocketMetersWhenHandleHygieneIsDisabled() {
		this.tcpRunner.withPropertyValues("handle-hygiene.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TcpSocketMeters.class));
	}

	@Test
	void aRefreshIntervalBelowOneMillisecondFailsStartUpNamingTheRange() {
		this.tcpRunner.withPropertyValues("handle-hygiene.metrics.tcp-sockets.refresh-interval=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
					assertThat(invalid.getName()).isEqualTo("handle-hygiene.metrics.tcp-sockets.refresh-interval");
					assertThat(invalid.getReason()).isEqualTo("Accepted: a duration of at least 1ms, such as 10s.");
				});
		});
	}

	private static void leakOne(LeakTracker tracker) {
		// the owner is unreachable once this frame returns
		tracker.track(new Object(), () -> {
		}, "GET 127.0.0.1/dropped");
	}

}
