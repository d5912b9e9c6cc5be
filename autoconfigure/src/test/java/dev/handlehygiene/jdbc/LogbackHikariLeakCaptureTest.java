package dev.handlehygiene.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.MarkerFilter;
import ch.qos.logback.core.AppenderBase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real HikariCP pool on H2 logging through SLF4J to Logback, with HikariCP kept at WARN
 * as many applications do.
 */
class LogbackHikariLeakCaptureTest {

	private static final Duration DEADLINE = Duration.ofSeconds(10);

	// the default list ignores this test's own package, dev.handlehygiene.jdbc
	private static final List<String> IGNORED = List.of("com.zaxxer.hikari.", "java.", "jdk.", "sun.");

	private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Logger hikari = this.logback.getLogger("com.zaxxer.hikari");

	private final RecordingAppender usersLog = new RecordingAppender();

	private final JdbcLeakRegistry registry = new JdbcLeakRegistry(100, IGNORED);

	private final LogbackHikariLeakCapture capture = new LogbackHikariLeakCapture(this.logback, this.registry);

	private Level hikariLevel;

	@BeforeEach
	void recordTheUsersLog() {
		this.hikariLevel = this.hikari.getLevel();
		this.hikari.setLevel(Level.WARN);
		this.usersLog.setContext(this.logback);
		this.usersLog.start();
		this.logback.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.usersLog);
		this.capture.start();
	}

	@AfterEach
	void stopRecording() {
		this.capture.stop();
		this.logback.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this.usersLog);
		this.hikari.setLevel(this.hikariLevel);
	}

	@Test
	void capturesALeakAndItsReturnWhileTheUsersLogShowsOnlyHikarisWarning() throws SQLException {
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
				assertThat(leak.site())
					.startsWith("dev.handlehygiene.jdbc.LogbackHikariLeakCaptureTest.borrowAndHold(");
				assertThat(leak.returned()).isFalse();
			});
			connection.close();
			// the INFO return message is below HikariCP's WARN level: captured all the
			// same
			await().atMost(DEADLINE).until(() -> this.registry.leaks().get(0).returned());
		}
		JdbcLeak leak = this.registry.leaks().get(0);
		assertThat(this.usersLog.events)
			.filteredOn((event) -> HikariLeakMessages.LOGGER_NAME.equals(event.getLoggerName()))
			.singleElement()
			.satisfies((warning) -> {
				assertThat(warning.getLevel()).isEqualTo(Level.WARN);
				assertThat(warning.getFormattedMessage()).isEqualTo("Connection leak detection triggered for "
						+ leak.connection() + " on thread " + leak.thread() + ", stack trace follows");
				assertThat(warning.getThrowableProxy().getMessage()).isEqualTo("Apparent connection leak detected");
			});
	}

	@Test
	void survivesAResetAndStopsWhenStopped() {
		// a context of its own: resetting the shared one would undo Spring Boot's logging
		// set-up for other tests
		LoggerContext own = new LoggerContext();
		LogbackHikariLeakCapture ownCapture = new LogbackHikariLeakCapture(own, this.registry);
		ownCapture.start();
		// what Spring Boot does when it (re)initializes logging, and a configuration scan
		// on change
		own.reset();
		logLeakAsHikariDoes(own);
		assertThat(this.registry.leaked()).isEqualTo(1);
		ownCapture.stop();
		assertThat(own.getTurboFilterList()).isEmpty();
		logLeakAsHikariDoes(own);
		assertThat(this.registry.leaked()).isEqualTo(1);
	}

	@Test
	void goesFirstSoThatAFilterThatDecidesCannotHideTheReport() {
		LoggerContext own = new LoggerContext();
		MarkerFilter deciding = new MarkerFilter();
		deciding.setMarker("none");
		deciding.setOnMismatch("DENY");
		deciding.start();
		own.addTurboFilter(deciding);
		LogbackHikariLeakCapture ownCapture = new LogbackHikariLeakCapture(own, this.registry);
		ownCapture.start();
		logLeakAsHikariDoes(own);
		assertThat(this.registry.leaked()).isEqualTo(1);
		ownCapture.stop();
		assertThat(own.getTurboFilterList()).containsExactly(deciding);
	}

	private static Connection borrowAndHold(HikariDataSource dataSource) throws SQLException {
		return dataSource.getConnection();
	}

	private static void logLeakAsHikariDoes(LoggerContext context) {
		context.getLogger(HikariLeakMessages.LOGGER_NAME)
			.warn(HikariLeakMessages.LEAK_FORMAT, "conn9: url=jdbc:h2:mem:x user=SA", "main",
					new Exception("Apparent connection leak detected"));
	}

	/** What the root logger's appenders receive: what the user's log shows. */
	private static final class RecordingAppender extends AppenderBase<ILoggingEvent> {

		private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

		@Override
		protected void append(ILoggingEvent event) {
			this.events.add(event);
		}

	}

}
