package dev.handlehygiene.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.handlehygiene.actuate.FdLeaksEndpoint;
import dev.handlehygiene.actuate.FdLeaksEndpointWebExtension;
import dev.handlehygiene.actuate.FileDescriptorsHealthIndicator;
import dev.handlehygiene.actuate.ProbeFileDescriptorMetrics;
import dev.handlehygiene.actuate.LeakReports;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;

import static org.assertj.core.api.Assertions.assertThat;

class HandleHygieneAutoConfigurationTest {

	private static final String EXPOSE_FDLEAKS = "management.endpoints.web.exposure.include=health,fdleaks";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
				FileDescriptorsHealthContributorAutoConfiguration.class, FdLeaksEndpointAutoConfiguration.class,
				FileDescriptorMetricsAutoConfiguration.class, SettingsAuditAutoConfiguration.class,
				EndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class));

	@Test
	void providesTheProbeThresholdsAndHealthIndicatorByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FileDescriptorProbe.class)
				.hasSingleBean(FileDescriptorsHealthIndicator.class)
				.hasBean("fileDescriptorsHealthIndicator");
			assertThat(context.getBean(UsageThresholds.class)).isEqualTo(new UsageThresholds(0.70, 0.90));
		});
	}

	@Test
	void bindsTheThresholdProperties() {
		this.runner.withPropertyValues("handle-hygiene.fd.warning-usage=0.5", "handle-hygiene.fd.critical-usage=0.8")
			.run((context) -> assertThat(context.getBean(UsageThresholds.class))
				.isEqualTo(new UsageThresholds(0.5, 0.8)));
	}

	@Test
	void contributesNothingWhenDisabled() {
		this.runner.withPropertyValues("handle-hygiene.enabled=false", EXPOSE_FDLEAKS)
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).doesNotHaveBean(FileDescriptorProbe.class)
				.doesNotHaveBean(UsageThresholds.class)
				.doesNotHaveBean(HealthIndicator.class)
				.doesNotHaveBean(FdLeaksEndpoint.class)
				.doesNotHaveBean(ProbeFileDescriptorMetrics.class)
				.doesNotHaveBean(FdProperties.class));
	}

	@Test
	void backsOffFromAProbeTheUserDefines() {
		FileDescriptorProbe own = new FileDescriptorProbe(Path.of("/proc"), null);
		this.runner.withBean(FileDescriptorProbe.class, () -> own)
			.run((context) -> assertThat(context.getBean(FileDescriptorProbe.class)).isSameAs(own));
	}

	@Test
	void backsOffFromAHealthIndicatorTheUserDefines() {
		this.runner.withBean("fileDescriptorsHealthIndicator", HealthIndicator.class, () -> () -> null)
			.run((context) -> assertThat(context).doesNotHaveBean(FileDescriptorsHealthIndicator.class));
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.runner.withPropertyValues("management.health.file-descriptors.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorProbe.class)
				.doesNotHaveBean(FileDescriptorsHealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorProbe.class)
				.doesNotHaveBean(FileDescriptorsHealthIndicator.class));
	}

	@Test
	void endpointIsCreatedOnlyWhenExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(FdLeaksEndpoint.class)
			.doesNotHaveBean(FileDescriptorInventory.class));
		this.runner.withPropertyValues(EXPOSE_FDLEAKS)
			.run((context) -> assertThat(context).hasSingleBean(FdLeaksEndpoint.class)
				.hasSingleBean(FdLeaksEndpointWebExtension.class)
				.hasSingleBean(FileDescriptorInventory.class));
	}

	@Test
	void endpointCanBeSwitchedOff() {
		// the runner lacks SpringApplication's lenient enum conversion, so the constant is spelled as declared
		this.runner.withPropertyValues(EXPOSE_FDLEAKS, "management.endpoint.fdleaks.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(FdLeaksEndpoint.class));
	}

	@Test
	void noEndpointWithoutActuator() {
		this.runner.withPropertyValues(EXPOSE_FDLEAKS)
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorProbe.class)
				.doesNotHaveBean(FdLeaksEndpoint.class));
	}

	@Test
	void backsOffFromAnEndpointTheUserDefines() {
		this.runner.withPropertyValues(EXPOSE_FDLEAKS)
			.withBean("ownEndpoint", FdLeaksEndpoint.class,
					() -> new FdLeaksEndpoint(new FileDescriptorProbe(), new FileDescriptorInventory(),
							new UsageThresholds(0.1, 0.2), new SettingsAudit(List.of()), new LeakReports(null, null), null,
							org.springframework.boot.actuate.endpoint.Show.NEVER, 1))
			.run((context) -> assertThat(context).hasSingleBean(FdLeaksEndpoint.class).hasBean("ownEndpoint"));
	}

	@Test
	void replacesSpringBootsFileDescriptorMetricsWithTheProbeBackedOnes() {
		this.runner.withConfiguration(
				AutoConfigurations.of(MetricsAutoConfiguration.class, SystemMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(FileDescriptorMetrics.class);
				assertThat(context.getBean(FileDescriptorMetrics.class)).isInstanceOf(ProbeFileDescriptorMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				long count = context.getBean(FileDescriptorProbe.class).count();
				assertThat(registry.get("process.files.open").gauge().value()).isBetween(count - 5.0, count + 5.0);
				assertThat(registry.get("process.files.max").gauge().value())
					.isEqualTo((double) context.getBean(FileDescriptorProbe.class).limit());
			});
	}

	@Test
	void backsOffFromFileDescriptorMetricsTheUserDefines() {
		this.runner.withConfiguration(
				AutoConfigurations.of(MetricsAutoConfiguration.class, SystemMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withBean("ownFileDescriptorMetrics", FileDescriptorMetrics.class, FileDescriptorMetrics::new)
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorMetrics.class)
				.hasBean("ownFileDescriptorMetrics")
				.doesNotHaveBean(ProbeFileDescriptorMetrics.class));
	}

}
