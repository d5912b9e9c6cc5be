package dev.handlehygiene.jdbc;

/**
 * Listens to HikariCP's leak logger in the logging system the application uses and hands each report to
 * {@link HikariLeakMessages}. HikariCP 7.0.2 has no other leak signal: {@code ProxyLeakTask} only logs, and neither
 * {@code HikariConfig} nor its metrics tracker is told of a leak. An implementation must leave what the user's log
 * shows unchanged: it observes the call and lets the logging system decide as it would have without it.
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

}
