package dev.handlehygiene.jdbc;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Chooses how to capture HikariCP's leak reports: from the logging system its SLF4J calls
 * end up in. Each backend's classes are touched only once its own SLF4J binding is the
 * one in use, so either may be missing.
 */
final class HikariLeakCaptures {

	private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

	private static final String LOG4J2_SLF4J_PACKAGE = "org.apache.logging.slf4j.";

	private static final String LOG4J2_CORE_CONTEXT = "org.apache.logging.log4j.core.LoggerContext";

	private HikariLeakCaptures() {
	}

	/**
	 * The capture for the logging system SLF4J is bound to now.
	 * @param registry where the reports go
	 * @return the capture, or {@code null} when that logging system is neither Logback
	 * nor Log4j2 (Core)
	 */
	static @Nullable HikariLeakCapture forLoggingSystemInUse(JdbcLeakRegistry registry) {
		return forLoggerFactory(LoggerFactory.getILoggerFactory(), registry);
	}

	static @Nullable HikariLeakCapture forLoggerFactory(ILoggerFactory factory, JdbcLeakRegistry registry) {
		String name = factory.getClass().getName();
		if (name.equals(LOGBACK_CONTEXT)) {
			return Logback.capture(factory, registry);
		}
		if (name.startsWith(LOG4J2_SLF4J_PACKAGE) && isPresent(LOG4J2_CORE_CONTEXT)) {
			return Log4j2.capture(registry);
		}
		return null;
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, HikariLeakCaptures.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/** Loaded only when Logback is SLF4J's binding. */
	private static final class Logback {

		static HikariLeakCapture capture(ILoggerFactory factory, JdbcLeakRegistry registry) {
			return new LogbackHikariLeakCapture((ch.qos.logback.classic.LoggerContext) factory, registry);
		}

	}

	/** Loaded only when Log4j2 is SLF4J's binding and Log4j2 Core is present. */
	private static final class Log4j2 {

		static @Nullable HikariLeakCapture capture(JdbcLeakRegistry registry) {
			// SLF4J routed to the Log4j2 API can still end in another implementation
			// (log4j-to-slf4j loops aside)
			return (org.apache.logging.log4j.LogManager
				.getContext(false) instanceof org.apache.logging.log4j.core.LoggerContext core)
						? new Log4j2HikariLeakCapture(core, registry) : null;
		}

	}

}
