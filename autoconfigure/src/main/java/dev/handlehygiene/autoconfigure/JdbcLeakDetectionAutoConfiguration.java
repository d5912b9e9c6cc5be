package dev.handlehygiene.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.jdbc.HikariLeakCapture;
import dev.handlehygiene.jdbc.JdbcLeakRegistry;
import dev.handlehygiene.leak.FrameworkFrames;

/**
 * Turns HikariCP's leak reports into the
 * {@code handle.hygiene.leaks{resource="jdbc.connection"}} counter and the
 * {@code leaks.jdbc} endpoint section. Off with
 * {@code handle-hygiene.leaks.jdbc.enabled=false}. HikariCP reports a leak only where
 * {@code leak-detection-threshold} is set, which the safe defaults do.
 */
@AutoConfiguration(after = HandleHygieneAutoConfiguration.class)
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
@ConditionalOnBooleanProperty(name = LeaksProperties.JDBC_ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(LeaksProperties.class)
class JdbcLeakDetectionAutoConfiguration {

	private static final Log logger = LogFactory.getLog(JdbcLeakDetectionAutoConfiguration.class);

	@Bean
	JdbcLeakRegistry jdbcLeakRegistry(LeaksProperties properties) {
		return new JdbcLeakRegistry(JdbcLeakRegistry.DEFAULT_MAX_STORED,
				FrameworkFrames.with(properties.getFrameworkFrames()));
	}

	@Bean(initMethod = "start", destroyMethod = "stop")
	HikariLeakCapture hikariLeakCapture(JdbcLeakRegistry jdbcLeakRegistry) {
		HikariLeakCapture capture = HikariLeakCapture.forLoggingSystemInUse(jdbcLeakRegistry);
		if (capture != null) {
			return capture;
		}
		logger.info("HikariCP's leak reports are not captured: SLF4J logs to neither Logback nor Log4j2, so"
				+ " leaks.jdbc stays empty. HikariCP still logs them.");
		return NotCaptured.INSTANCE;
	}

	/** Where the logging system is one the starter cannot listen to. */
	private enum NotCaptured implements HikariLeakCapture {

		INSTANCE;

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

	}

}
