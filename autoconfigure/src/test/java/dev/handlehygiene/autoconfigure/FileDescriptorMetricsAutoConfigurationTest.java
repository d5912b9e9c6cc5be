package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.handlehygiene.actuate.FileDescriptorTrendMeters;
import dev.handlehygiene.actuate.ProbeFileDescriptorMetrics;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorProbe;

import static org.assertj.core.api.Assertions.assertThat;

class FileDescriptorMetricsAutoConfigurationTest {

	private static final String EXHAUSTION_ETA = "handle.hygiene.fd.exhaustion.eta";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
				FileDescriptorMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				SystemMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

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
	void backsOffWhenTheUserDefinesTrendMeters() {
		FileDescriptorTrendMeters own = new FileDescriptorTrendMeters(
				new FileDescriptorSampler(new FileDescriptorProbe(), Duration.ofHours(1), Duration.ofHours(3)));
		this.runner.withBean(FileDescriptorTrendMeters.class, () -> own)
			.run((context) -> assertThat(context.getBean(FileDescriptorTrendMeters.class)).isSameAs(own));
	}

	@Test
	void contributesNothingWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
					FileDescriptorMetricsAutoConfiguration.class))
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

}
