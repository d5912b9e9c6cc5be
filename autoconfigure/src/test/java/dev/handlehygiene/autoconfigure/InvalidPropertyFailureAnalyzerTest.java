package dev.handlehygiene.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class InvalidPropertyFailureAnalyzerTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"handle-hygiene.fd.warning-usage=0.95 | handle-hygiene.fd.warning-usage | 0.95 | above 0 and below handle-hygiene.fd.critical-usage (0.9)",
			"handle-hygiene.fd.warning-usage=0 | handle-hygiene.fd.warning-usage | 0.0 | above 0 and below handle-hygiene.fd.critical-usage (0.9)",
			"handle-hygiene.fd.critical-usage=1.5 | handle-hygiene.fd.critical-usage | 1.5 | above 0 and at most 1",
			"handle-hygiene.fd.critical-usage=-0.2 | handle-hygiene.fd.critical-usage | -0.2 | above 0 and at most 1",
			"handle-hygiene.fd.critical-usage=NaN | handle-hygiene.fd.critical-usage | NaN | above 0 and at most 1",
			"handle-hygiene.fd.sample-interval=0s | handle-hygiene.fd.sample-interval | 0s | a positive duration",
			"handle-hygiene.fd.trend-window=20s | handle-hygiene.fd.trend-window | 20s | at least 3 x handle-hygiene.fd.sample-interval (30s)",
			"handle-hygiene.fd.exhaustion-horizon=-1m | handle-hygiene.fd.exhaustion-horizon | -60s | a positive duration",
			"handle-hygiene.defaults.http-client.pool-lease-timeout=0s | handle-hygiene.defaults.http-client.pool-lease-timeout | 0s | a positive duration",
			"handle-hygiene.defaults.http-client.pool-lease-timeout=-5s | handle-hygiene.defaults.http-client.pool-lease-timeout | -5s | a positive duration",
			"handle-hygiene.leaks.http-client.sampling=1.5 | handle-hygiene.leaks.http-client.sampling | 1.5 | a share from 0.0 to 1.0",
			"handle-hygiene.leaks.http-client.max-open-age=0s | handle-hygiene.leaks.http-client.max-open-age | 0s | a positive duration",
			"handle-hygiene.restart.grace=0s | handle-hygiene.restart.grace | 0s | a positive duration",
			"handle-hygiene.restart.grace=-5s | handle-hygiene.restart.grace | -5s | a positive duration" })
	void startUpFailsWithAMessageNamingThePropertyTheValueAndTheRange(String setting, String property, String value,
			String range) {
		Throwable failure = catchThrowable(() -> start(setting));
		assertThat(failure).hasRootCauseInstanceOf(InvalidPropertyException.class);
		FailureAnalysis analysis = new InvalidPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("'" + property + "'", "'" + value + "'", range);
		assertThat(analysis.getAction()).contains(property, range);
	}

	@ParameterizedTest
	@CsvSource({ "0.5, 0.6", "0.7, 1", "0.01, 0.02" })
	void startsWithThresholdsInRange(String warning, String critical) {
		start("handle-hygiene.fd.warning-usage=" + warning, "handle-hygiene.fd.critical-usage=" + critical).close();
	}

	@ParameterizedTest
	@CsvSource({ "1s, 3s", "10s, 10m", "500ms, 30s" })
	void startsWithATrendWindowOfAtLeastThreeSamples(String interval, String window) {
		start("handle-hygiene.fd.sample-interval=" + interval, "handle-hygiene.fd.trend-window=" + window).close();
	}

	private static org.springframework.context.ConfigurableApplicationContext start(String... properties) {
		SpringApplication application = new SpringApplication(Config.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] args = new String[properties.length];
		for (int i = 0; i < properties.length; i++) {
			args[i] = "--" + properties[i];
		}
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(HandleHygieneAutoConfiguration.class)
	static class Config {

	}

}
