package dev.handlehygiene.autoconfigure;

import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.handlehygiene.jdbc.HikariLeakCapture;
import dev.handlehygiene.jdbc.JdbcLeakRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcLeakDetectionAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HandleHygieneAutoConfiguration.class, JdbcLeakDetectionAutoConfiguration.class));

	private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

	@Test
	void capturesFromLogbackWhileTheContextRuns() {
		// contexts cached by other test classes in this JVM may hold captures of their
		// own
		List<TurboFilter> before = List.copyOf(this.logback.getTurboFilterList());
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(JdbcLeakRegistry.class);
			// the Logback capture is package-private: its name is what a test outside the
			// package can see
			assertThat(context.getBean(HikariLeakCapture.class).getClass().getSimpleName())
				.isEqualTo("LogbackHikariLeakCapture");
			assertThat(this.logback.getTurboFilterList()).hasSize(before.size() + 1);
		});
		assertThat(this.logback.getTurboFilterList()).as("removed when the context closes")
			.containsExactlyElementsOf(before);
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("handle-hygiene.leaks.jdbc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JdbcLeakRegistry.class)
				.doesNotHaveBean(HikariLeakCapture.class));
		this.runner.withPropertyValues("handle-hygiene.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JdbcLeakRegistry.class));
	}

	@Test
	void needsHikari() {
		this.runner.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JdbcLeakRegistry.class));
	}

}
