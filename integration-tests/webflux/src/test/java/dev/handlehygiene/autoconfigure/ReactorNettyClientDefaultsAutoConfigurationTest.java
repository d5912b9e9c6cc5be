package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.netty.resources.ConnectionProvider;

import dev.handlehygiene.defaults.ReactorNettyPoolCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Reactor Netty pool bounds: applied by default, the application's values win, off
 * with either switch, absent without Reactor Netty, replaced by the user's own
 * customizer, and checked once at binding.
 */
class ReactorNettyClientDefaultsAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(HandleHygieneAutoConfiguration.class, ReactorNettyClientDefaultsAutoConfiguration.class));

	@Test
	void poolCustomizerHasTheStartersBounds() {
		this.runner.run((context) -> assertThat(context).getBean(ReactorNettyPoolCustomizer.class)
			.extracting(ReactorNettyPoolCustomizer::settings)
			.isEqualTo(new ReactorNettyPoolCustomizer.Settings(Duration.ofSeconds(30), Duration.ofMinutes(5),
					Duration.ofSeconds(10), Duration.ofSeconds(10))));
	}

	@Test
	void applicationsValuesAreUsed() {
		this.runner
			.withPropertyValues("handle-hygiene.defaults.http-client.pool-max-idle-time=5s",
					"handle-hygiene.defaults.http-client.pool-max-life-time=1h")
			.run((context) -> assertThat(context.getBean(ReactorNettyPoolCustomizer.class).settings())
				.satisfies((settings) -> {
					assertThat(settings.maxIdleTime()).isEqualTo(Duration.ofSeconds(5));
					assertThat(settings.maxLifeTime()).isEqualTo(Duration.ofHours(1));
				}));
	}

	@Test
	void backsOffWhenTheDefaultsAreDisabled() {
		this.runner.withPropertyValues("handle-hygiene.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactorNettyPoolCustomizer.class));
	}

	@Test
	void backsOffWhenTheHttpClientGroupIsDisabled() {
		this.runner.withPropertyValues("handle-hygiene.defaults.http-client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactorNettyPoolCustomizer.class));
	}

	@Test
	void backsOffWithoutReactorNetty() {
		this.runner.withClassLoader(new FilteredClassLoader(ConnectionProvider.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ReactorNettyPoolCustomizer.class));
	}

	@Test
	void backsOffWhenTheUserDefinesTheCustomizer() {
		this.runner.withUserConfiguration(OwnCustomizer.class)
			.run((context) -> assertThat(context).getBean(ReactorNettyPoolCustomizer.class)
				.isSameAs(context.getBean(OwnCustomizer.class).customizer));
	}

	@ParameterizedTest
	@CsvSource({ "pool-max-idle-time, 0s, 30s", "pool-max-life-time, -1s, 5m",
			"pool-pending-acquire-timeout, 999us, 10s", "pool-evict-in-background, 0ms, 10s" })
	void aPoolDurationBelowOneMillisecondFailsStartUpNamingThePropertyAndTheRange(String name, String value,
			String example) {
		String property = "handle-hygiene.defaults.http-client." + name;
		this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
					assertThat(invalid.getName()).isEqualTo(property);
					assertThat(invalid.getReason())
						.isEqualTo("Accepted: a duration of at least 1ms, such as " + example + ".");
				});
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCustomizer {

		final ReactorNettyPoolCustomizer customizer = new ReactorNettyPoolCustomizer(
				new ReactorNettyPoolCustomizer.Settings(Duration.ofSeconds(1), Duration.ofSeconds(2),
						Duration.ofSeconds(3), Duration.ofSeconds(4)));

		@Bean
		ReactorNettyPoolCustomizer ownPoolCustomizer() {
			return this.customizer;
		}

	}

}
