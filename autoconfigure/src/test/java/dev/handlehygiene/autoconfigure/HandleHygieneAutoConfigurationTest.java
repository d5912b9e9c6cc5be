package dev.handlehygiene.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HandleHygieneAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class));

	@Test
	void providesTheProbeTheInventoryTheDefaultThresholdsAndTheSampler() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FileDescriptorProbe.class)
				.hasSingleBean(FileDescriptorInventory.class)
				.hasSingleBean(UsageThresholds.class)
				.hasSingleBean(FileDescriptorSampler.class)
				.hasSingleBean(FileDescriptorProperties.class);
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
	void bindsTheTrendWindowToTheSampler() {
		this.runner.withPropertyValues("handle-hygiene.fd.sample-interval=100ms", "handle-hygiene.fd.trend-window=3s")
			.run((context) -> assertThat(context.getBean(FileDescriptorSampler.class).trend().window())
				.isEqualTo(Duration.ofSeconds(3)));
	}

	@Test
	void startsTheSamplerWithTheContext() {
		this.runner.withPropertyValues("handle-hygiene.fd.sample-interval=10ms", "handle-hygiene.fd.trend-window=1s")
			.run((context) -> {
				FileDescriptorSampler sampler = context.getBean(FileDescriptorSampler.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> sampler.trend().samples() >= 2);
			});
	}

	@Test
	void backsOffWhenTheUserDefinesAProbe() {
		FileDescriptorProbe own = new FileDescriptorProbe(Path.of("/proc"));
		this.runner.withBean(FileDescriptorProbe.class, () -> own)
			.run((context) -> assertThat(context.getBean(FileDescriptorProbe.class)).isSameAs(own));
	}

	@Test
	void backsOffWhenTheUserDefinesAnInventory() {
		FileDescriptorInventory own = new FileDescriptorInventory(Path.of("/proc"));
		this.runner.withBean(FileDescriptorInventory.class, () -> own)
			.run((context) -> assertThat(context.getBean(FileDescriptorInventory.class)).isSameAs(own));
	}

	@Test
	void backsOffWhenTheUserDefinesThresholds() {
		UsageThresholds own = new UsageThresholds(0.1, 0.2);
		this.runner.withBean(UsageThresholds.class, () -> own)
			.withPropertyValues("handle-hygiene.fd.warning-usage=0.5")
			.run((context) -> assertThat(context.getBean(UsageThresholds.class)).isSameAs(own));
	}

	@Test
	void contributesNothingWhenHandleHygieneIsDisabled() {
		this.runner.withPropertyValues("handle-hygiene.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FileDescriptorProbe.class)
				.doesNotHaveBean(FileDescriptorInventory.class)
				.doesNotHaveBean(UsageThresholds.class)
				.doesNotHaveBean(FileDescriptorSampler.class)
				.doesNotHaveBean(FileDescriptorProperties.class));
	}

}
