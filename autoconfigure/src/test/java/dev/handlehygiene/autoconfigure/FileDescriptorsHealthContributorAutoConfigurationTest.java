package dev.handlehygiene.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.handlehygiene.actuate.FileDescriptorsHealthIndicator;
import dev.handlehygiene.fd.FileDescriptorProbe;

import static org.assertj.core.api.Assertions.assertThat;

class FileDescriptorsHealthContributorAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(HandleHygieneAutoConfiguration.class, FileDescriptorsHealthContributorAutoConfiguration.class));

	@Test
	void contributesTheFileDescriptorsIndicatorOnTheSharedThresholds() {
		this.runner
			.withPropertyValues("handle-hygiene.fd.warning-usage=0.000001", "handle-hygiene.fd.critical-usage=0.000002")
			.run((context) -> {
				assertThat(context).hasSingleBean(FileDescriptorsHealthIndicator.class)
					.hasBean("fileDescriptorsHealthIndicator");
				// a critical share below what any JVM has open: DOWN shows the bound
				// thresholds are the ones used
				Health health = context.getBean(FileDescriptorsHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("level", "critical")
					.containsEntry("limit", context.getBean(FileDescriptorProbe.class).limit());
			});
	}

	@Test
	void isUpWithTheDefaultThresholds() {
		this.runner.run((context) -> {
			Health health = context.getBean(FileDescriptorsHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("level", "ok");
		});
	}

	@Test
	void backsOffWhenTheUserDefinesAnIndicatorOfTheSameName() {
		HealthIndicator own = () -> Health.up().build();
		this.runner.withBean("fileDescriptorsHealthIndicator", HealthIndicator.class, () -> own).run((context) -> {
			assertThat(context).doesNotHaveBean(FileDescriptorsHealthIndicator.class);
			assertThat(context.getBean("fileDescriptorsHealthIndicator")).isSameAs(own);
		});
	}

	@Test
	void isDisabledByProperty() {
		this.runner.withPropertyValues("management.health.file-descriptors.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorProbe.class)
				.doesNotHaveBean(FileDescriptorsHealthIndicator.class));
	}

	@Test
	void isDisabledWithTheOtherIndicatorsByDefaultsProperty() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FileDescriptorsHealthIndicator.class));
	}

	@Test
	void contributesNothingWhenHandleHygieneIsDisabled() {
		this.runner.withPropertyValues("handle-hygiene.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FileDescriptorsHealthIndicator.class)
				.doesNotHaveBean(FileDescriptorProbe.class));
	}

	@Test
	void contributesNothingWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorProbe.class)
				.doesNotHaveBean(FileDescriptorsHealthIndicator.class));
	}

}
