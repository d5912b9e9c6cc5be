package dev.handlehygiene.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import dev.handlehygiene.fd.CountMethod;
import dev.handlehygiene.fd.CountMethodPreference;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.ProcfsStat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code handle-hygiene.fd.count-method} reaches the probe, and a value that names no
 * method fails start-up with the value, its origin and the accepted names.
 */
class CountMethodPropertyTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class));

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "auto, AUTO", "procfs-stat, PROCFS_STAT", "mxbean, MXBEAN", "MXBean, MXBEAN", "' mxbean ', MXBEAN" })
	void theProbeIsBuiltWithTheNamedPreference(String value, CountMethodPreference expected) {
		this.runner.withPropertyValues("handle-hygiene.fd.count-method=" + value)
			.run((context) -> assertThat(context.getBean(FileDescriptorProbe.class).preference()).isEqualTo(expected));
	}

	@Test
	void aForcedMxBeanIsTheMethodTheProbeCountsWith() {
		this.runner.withPropertyValues("handle-hygiene.fd.count-method=mxbean")
			.run((context) -> assertThat(context.getBean(FileDescriptorProbe.class).countMethod())
				.isEqualTo(CountMethod.MXBEAN));
	}

	@Test
	void unsetItIsWhatTheTestRunForces() {
		// auto, unless this run forces a method through the system property (Spring binds
		// system properties too)
		this.runner.run((context) -> {
			assertThat(context.getBean(FileDescriptorProbe.class).preference())
				.isEqualTo(ProcfsStat.forcedPreference());
			assertThat(context.getBean(FileDescriptorProbe.class).countMethod())
				.isEqualTo(ProcfsStat.expectedCountMethod());
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "fast", "procfs", "stat", "''" })
	void aValueThatNamesNoMethodFailsStartUp(String value) {
		this.runner.withPropertyValues("handle-hygiene.fd.count-method=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
					assertThat(invalid.getName()).isEqualTo("handle-hygiene.fd.count-method");
					assertThat(invalid.getReason()).isEqualTo("Accepted: one of auto, procfs-stat, mxbean.");
				});
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void theReportShowsTheValueAsTypedWhereItCameFromAndTheAcceptedNames(CapturedOutput output) {
		assertThatThrownBy(() -> start("--handle-hygiene.fd.count-method=fast"))
			.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class);
		assertThat(output).contains(
				"Invalid value 'fast' for configuration property 'handle-hygiene.fd.count-method' (originating from"
						+ " '\"handle-hygiene.fd.count-method\" from property source \"commandLineArgs\"')",
				"Accepted: one of auto, procfs-stat, mxbean.");
	}

	private static void start(String... args) {
		SpringApplication application = new SpringApplication(Config.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(HandleHygieneAutoConfiguration.class)
	static class Config {

	}

}
