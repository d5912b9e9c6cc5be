package dev.handlehygiene.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real HikariCP pool on H2 logging through SLF4J to Log4j2, configured
 * (log4j2-test.xml) to keep HikariCP at WARN.
 */
class Log4j2HikariLeakCaptureTest {

	private static final Duration DEADLINE = Duration.ofSeconds(10);

	// the default list ignores this test's own package, dev.handlehygiene.jdbc
	private static final List<String> IGNORED = List.of("com.zaxxer.hikari.", "java.", "jdk.", "sun.");

	private final LoggerContext log4j2 = (LoggerContext) LogManager.getContext(false);

	private final RecordingAppender usersLog = new RecordingAppender();

	private final JdbcLeakRegistry registry = new JdbcLeakRegistry(100, IGNORED);

	private final Log4j2HikariLeakCapture capture = new Log4j2HikariLeakCapture(this.registry);

	@BeforeEach
	void recordTheUsersLog() {
		this.usersLog.start();
		this.log4j2.getConfiguration().getRootLogger().addAppender(this.usersLog, null, null);
		this.log4j2.updateLoggers();
		this.capture.start();
	}

	@AfterEach
	void stopRecording() {
		this.capture.stop();
		this.log4j2.getConfiguration().getRootLogger().removeAppender(this.usersLog.getName());
		this.log4j2.updateLoggers();
	}

	@Test
	void capturesALeakAndItsReturnWhileTheUsersLogShowsOnlyHikarisWarning() throws SQLException {
		assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).as("SLF4J bound to Log4j2")
			.startsWith("org.apache.logging.slf4j");
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setPoolName("orders");
			dataSource.setJdbcUrl("jdbc:h2:mem:orders");
			dataSource.setMaximumPoolSize(1);
			dataSource.setLeakDetectionThreshold(2000);
			Connection connection = borrowAndHold(dataSource);
			await().atMost(DEADLINE).until(() -> this.registry.leaked() == 1);
			assertThat(this.registry.leaks()).singleElement().satisfies((leak) -> {
				assertThat(leak.pool()).isEqualTo("orders");
				assertThat(leak.thread()).isEqualTo(Thread.currentThread().getName());
				assertThat(leak.site()).startsWith("dev.handlehygiene.jdbc.Log4j2HikariLeakCaptureTest.borrowAndHold(");
			});
			connection.close();
			await().atMost(DEADLINE).until(() -> this.registry.leaks().get(0).returned());
		}
		JdbcLeak leak = this.registry.leaks().get(0);
		assertThat(this.usersLog.events)
			.filteredOn((event) -> HikariLeakMessages.LOGGER_NAME.equals(event.getLoggerName()))
			.singleElement()
			.satisfies((warning) -> {
				assertThat(warning.getLevel()).isEqualTo(Level.WARN);
				assertThat(warning.getMessage().getFormattedMessage())
					.isEqualTo("Connection leak detection triggered for " + leak.connection() + " on thread "
							+ leak.thread() + ", stack trace follows");
				assertThat(warning.getThrown()).hasMessage("Apparent connection leak detected");
			});
	}

	@Test
	void isTheCaptureChosenWhenSlf4jLogsToLog4j2() {
		assertThat(HikariLeakCaptures.forLoggingSystemInUse(this.registry)).isInstanceOf(Log4j2HikariLeakCapture.class);
	}

	@Test
	void survivesAReconfigurationAndStopsWhenStopped() {
		this.log4j2.reconfigure();
		logLeakAsHikariDoes();
		assertThat(this.registry.leaked()).isEqualTo(1);
		this.capture.stop();
		assertThat(this.log4j2.getConfiguration().getFilter()).isNull();
		logLeakAsHikariDoes();
		assertThat(this.registry.leaked()).isEqualTo(1);
	}

	private static Connection borrowAndHold(HikariDataSource dataSource) throws SQLException {
		return dataSource.getConnection();
	}

	private static void logLeakAsHikariDoes() {
		LoggerFactory.getLogger(HikariLeakMessages.LOGGER_NAME)
			.warn(HikariLeakMessages.LEAK_FORMAT, "conn9: url=jdbc:h2:mem:x user=SA", "main",
					new Exception("Apparent connection leak detected"));
	}

	/** What the root logger's appenders receive: what the user's log shows. */
	private static final class RecordingAppender extends AbstractAppender {

		private final List<LogEvent> events = new CopyOnWriteArrayList<>();

		RecordingAppender() {
			super("recording", null, null, true, Property.EMPTY_ARRAY);
		}

		@Override
		public void append(LogEvent event) {
			this.events.add(event.toImmutable());
		}

	}

}
