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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every checked property, one row each: a value out of range fails start-up with Spring
 * Boot's own {@link InvalidConfigurationPropertyValueException}, naming the property and
 * the accepted range. The one property of Apache HttpClient 5,
 * {@code handle-hygiene.defaults.http-client.pool-lease-timeout}, has its rows in the
 * httpclient5 test module, where that client is on the classpath.
 */
class PropertyValidationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
				HttpClientLeakDetectionAutoConfiguration.class, ExitOnCriticalAutoConfiguration.class))
		.withPropertyValues("handle-hygiene.restart.exit-on-critical=true");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"handle-hygiene.fd.warning-usage=0.95 | handle-hygiene.fd.warning-usage | above 0 and below handle-hygiene.fd.critical-usage (0.9)",
			"handle-hygiene.fd.warning-usage=0 | handle-hygiene.fd.warning-usage | above 0 and below handle-hygiene.fd.critical-usage (0.9)",
			"handle-hygiene.fd.warning-usage=0.9 | handle-hygiene.fd.warning-usage | above 0 and below handle-hygiene.fd.critical-usage (0.9)",
			"handle-hygiene.fd.critical-usage=2 | handle-hygiene.fd.critical-usage | above 0 and at most 1",
			"handle-hygiene.fd.critical-usage=0 | handle-hygiene.fd.critical-usage | above 0 and at most 1",
			"handle-hygiene.fd.critical-usage=-0.2 | handle-hygiene.fd.critical-usage | above 0 and at most 1",
			"handle-hygiene.fd.critical-usage=NaN | handle-hygiene.fd.critical-usage | above 0 and at most 1",
			"handle-hygiene.fd.sample-interval=0s | handle-hygiene.fd.sample-interval | at least 1ms",
			"handle-hygiene.fd.sample-interval=-10s | handle-hygiene.fd.sample-interval | at least 1ms",
			"handle-hygiene.fd.sample-interval=500us | handle-hygiene.fd.sample-interval | at least 1ms",
			"handle-hygiene.fd.trend-window=20s | handle-hygiene.fd.trend-window | at least 3 x handle-hygiene.fd.sample-interval (30s)",
			"handle-hygiene.fd.trend-window=0s | handle-hygiene.fd.trend-window | at least 3 x handle-hygiene.fd.sample-interval (30s)",
			"handle-hygiene.fd.exhaustion-horizon=0s | handle-hygiene.fd.exhaustion-horizon | at least 1ms",
			"handle-hygiene.fd.exhaustion-horizon=-1m | handle-hygiene.fd.exhaustion-horizon | at least 1ms",
			"handle-hygiene.fd.exhaustion-horizon=10us | handle-hygiene.fd.exhaustion-horizon | at least 1ms",
			"handle-hygiene.leaks.http-client.sampling=1.5 | handle-hygiene.leaks.http-client.sampling | from 0.0 to 1.0",
			"handle-hygiene.leaks.http-client.sampling=-0.1 | handle-hygiene.leaks.http-client.sampling | from 0.0 to 1.0",
			"handle-hygiene.leaks.http-client.sampling=NaN | handle-hygiene.leaks.http-client.sampling | from 0.0 to 1.0",
			"handle-hygiene.leaks.http-client.capture-budget=0 | handle-hygiene.leaks.http-client.capture-budget | a share of one CPU above 0 and at most 1",
			"handle-hygiene.leaks.http-client.capture-budget=1.5 | handle-hygiene.leaks.http-client.capture-budget | a share of one CPU above 0 and at most 1",
			"handle-hygiene.leaks.http-client.capture-budget=NaN | handle-hygiene.leaks.http-client.capture-budget | a share of one CPU above 0 and at most 1",
			"handle-hygiene.leaks.http-client.max-open-age=0s | handle-hygiene.leaks.http-client.max-open-age | at least 1ms",
			"handle-hygiene.leaks.http-client.max-open-age=-1s | handle-hygiene.leaks.http-client.max-open-age | at least 1ms",
			"handle-hygiene.leaks.http-client.max-open-age=100us | handle-hygiene.leaks.http-client.max-open-age | at least 1ms",
			"handle-hygiene.restart.grace=0s | handle-hygiene.restart.grace | at least 1ms",
			"handle-hygiene.restart.grace=-5s | handle-hygiene.restart.grace | at least 1ms",
			"handle-hygiene.restart.grace=1ns | handle-hygiene.restart.grace | at least 1ms" })
	void aValueOutOfRangeFailsStartUpNamingThePropertyAndTheRange(String setting, String property, String range) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
					assertThat(invalid.getName()).isEqualTo(property);
					assertThat(invalid.getReason()).startsWith("Accepted: ").contains(range);
				});
		});
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "handle-hygiene.fd.warning-usage=0.5, handle-hygiene.fd.critical-usage=0.6",
			"handle-hygiene.fd.warning-usage=0.7, handle-hygiene.fd.critical-usage=1",
			"handle-hygiene.fd.sample-interval=1ms, handle-hygiene.fd.trend-window=3ms",
			"handle-hygiene.fd.sample-interval=1s, handle-hygiene.fd.trend-window=3s",
			"handle-hygiene.leaks.http-client.sampling=0, handle-hygiene.leaks.http-client.max-open-age=1ms",
			"handle-hygiene.leaks.http-client.sampling=1, handle-hygiene.restart.grace=1ms",
			"handle-hygiene.leaks.http-client.capture-budget=1, handle-hygiene.leaks.http-client.sampling=0.5",
			"handle-hygiene.leaks.http-client.capture-budget=0.0001, handle-hygiene.fd.critical-usage=1" })
	void valuesAtTheEdgesOfTheirRangesStart(String first, String second) {
		this.runner.withPropertyValues(first, second).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void theReportShowsTheValueAsTypedWhereItCameFromAndTheRange(CapturedOutput output) {
		assertThatThrownBy(() -> start("--handle-hygiene.fd.critical-usage=2"))
			.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class);
		assertThat(output).contains(
				"Invalid value '2' for configuration property 'handle-hygiene.fd.critical-usage' (originating from"
						+ " '\"handle-hygiene.fd.critical-usage\" from property source \"commandLineArgs\"')",
				"Accepted: a share of the descriptor limit above 0 and at most 1, such as 0.9.");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aSubMillisecondIntervalIsReportedAsTypedNotAsAnArithmeticError(CapturedOutput output) {
		assertThatThrownBy(() -> start("--handle-hygiene.fd.sample-interval=500us"))
			.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class);
		assertThat(output)
			.contains("Invalid value '500us' for configuration property 'handle-hygiene.fd.sample-interval'",
					"Accepted: a duration of at least 1ms, such as 10s.")
			.doesNotContain("ArithmeticException");
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
