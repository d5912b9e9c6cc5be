package dev.handlehygiene.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * Listens to HikariCP's leak logger in the logging system the application uses and hands
 * each report to {@link HikariLeakMessages}. HikariCP 7.0.2 has no other leak signal:
 * {@code ProxyLeakTask} only logs, and neither {@code HikariConfig} nor its metrics
 * tracker is told of a leak. An implementation must leave what the user's log shows
 * unchanged: it observes the call and lets the logging system decide as it would have
 * without it.
 */
public interface HikariLeakCapture {

	/**
	 * Starts listening. Calling it again has no further effect.
	 */
	void start();

	/**
	 * Stops listening and removes every trace from the logging system's configuration.
	 */
	void stop();

	/**
	 * The capture for the logging system SLF4J is bound to: Logback, or Log4j2 through
	 * its Core.
	 * @param registry where the reports go
	 * @return the capture, or {@code null} for any other logging system, whose reports
	 * cannot be captured
	 */
	static @Nullable HikariLeakCapture forLoggingSystemInUse(JdbcLeakRegistry registry) {
		return HikariLeakCaptures.forLoggingSystemInUse(registry);
	}

}
