package dev.handlehygiene.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.handlehygiene.actuate.TcpSocketMeters;
import dev.handlehygiene.fd.TcpState;

import static org.assertj.core.api.Assertions.assertThat;

class TcpSocketMetricsAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HandleHygieneAutoConfiguration.class, TcpSocketMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void bindsOneGaugePerStateByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TcpSocketMeters.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(TcpSocketMeters.class).bindTo(registry);
			assertThat(registry.find("handle.hygiene.tcp.sockets").gauges()).hasSize(TcpState.values().length);
			assertThat(registry.get("handle.hygiene.tcp.sockets").tag("state", "CLOSE_WAIT").gauge().value())
				.isGreaterThanOrEqualTo(0);
		});
	}

	@Test
	void isSwitchedOffByProperty() {
		this.runner.withPropertyValues("handle-hygiene.metrics.tcp-sockets.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TcpSocketMeters.class));
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
					TcpSocketMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TcpSocketMeters.class));
	}

	@Test
	void isOffWithTheStarter() {
		this.runner.withPropertyValues("handle-hygiene.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TcpSocketMeters.class));
	}

	@Test
	void aRefreshIntervalBelowOneMillisecondFailsStartUpNamingTheRange() {
		this.runner.withPropertyValues("handle-hygiene.metrics.tcp-sockets.refresh-interval=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
					assertThat(invalid.getName()).isEqualTo("handle-hygiene.metrics.tcp-sockets.refresh-interval");
					assertThat(invalid.getReason()).isEqualTo("Accepted: a duration of at least 1ms, such as 10s.");
				});
		});
	}

}
