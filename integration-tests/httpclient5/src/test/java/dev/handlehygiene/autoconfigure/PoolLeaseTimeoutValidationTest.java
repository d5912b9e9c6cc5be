package dev.handlehygiene.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row of the property validation table that needs Apache HttpClient 5 on the
 * classpath: the pool lease timeout.
 */
class PoolLeaseTimeoutValidationTest {

	private static final String PROPERTY = "handle-hygiene.defaults.http-client.pool-lease-timeout";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HandleHygieneAutoConfiguration.class, HttpClientDefaultsAutoConfiguration.class));

	@ParameterizedTest
	@CsvSource({ "0s", "-5s", "999us" })
	void aLeaseTimeoutBelowOneMillisecondFailsStartUpNamingThePropertyAndTheRange(String value) {
		this.runner.withPropertyValues(PROPERTY + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
					assertThat(invalid.getName()).isEqualTo(PROPERTY);
					assertThat(invalid.getReason()).isEqualTo("Accepted: a duration of at least 1ms, such as 10s.");
				});
		});
	}

	@ParameterizedTest
	@CsvSource({ "1ms", "10s" })
	void aLeaseTimeoutOfAtLeastOneMillisecondStarts(String value) {
		this.runner.withPropertyValues(PROPERTY + "=" + value).run((context) -> assertThat(context).hasNotFailed());
	}

}
