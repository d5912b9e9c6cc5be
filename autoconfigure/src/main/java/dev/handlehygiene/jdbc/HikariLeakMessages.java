package dev.handlehygiene.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * Recognises HikariCP's two leak log calls and tells a {@link JdbcLeakRegistry}. HikariCP
 * (5.x to 7.0.x) logs them from {@code com.zaxxer.hikari.pool.ProxyLeakTask}, its only
 * leak signal. They are recognised by their format and unformatted arguments, never by
 * parsing the formatted text: connection names and thread names may contain anything.
 */
final class HikariLeakMessages {

	/** The logger HikariCP's leak task logs to. */
	public static final String LOGGER_NAME = "com.zaxxer.hikari.pool.ProxyLeakTask";

	/**
	 * WARN, arguments: connection, borrowing thread, the exception created at borrow
	 * time.
	 */
	static final String LEAK_FORMAT = "Connection leak detection triggered for {} on thread {}, stack trace follows";

	/**
	 * INFO, arguments: connection, borrowing thread; logged by the thread that returns
	 * the connection.
	 */
	static final String RETURNED_FORMAT = "Previously reported leaked connection {} on thread {} was returned to the"
			+ " pool (unleaked)";

	/** HikariCP 7 names a pool's housekeeper thread "{pool}:housekeeper". */
	private static final String HOUSEKEEPER_SUFFIX = ":housekeeper";

	/** HikariCP 5 named it "{pool} housekeeper". */
	private static final String OLD_HOUSEKEEPER_SUFFIX = " housekeeper";

	private final JdbcLeakRegistry registry;

	public HikariLeakMessages(JdbcLeakRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Looks at one logging call as a logging system's filter sees it, on the thread that
	 * logs: a call to HikariCP's leak logger goes on to {@link #accept}. Never throws, so
	 * that a capture cannot break HikariCP's housekeeper or the caller returning a
	 * connection.
	 * @param loggerName the logger's name, or {@code null}
	 * @param format the message format, before formatting; {@code null} for a level check
	 * such as {@code isDebugEnabled()}
	 * @param arguments the format's arguments
	 * @param throwable the throwable passed apart from the arguments, else {@code null}
	 */
	public void observe(@Nullable String loggerName, @Nullable String format, Object @Nullable [] arguments,
			@Nullable Throwable throwable) {
		if (format == null || !LOGGER_NAME.equals(loggerName)) {
			return;
		}
		try {
			accept(format, arguments, throwable, Thread.currentThread().getName());
		}
		catch (RuntimeException ex) {
			// a report lost is better than an exception thrown into HikariCP
		}
	}

	/**
	 * Tells the registry of one call to HikariCP's leak logger, when it is a leak report
	 * or a return.
	 * @param format the message format, before formatting
	 * @param arguments the format's arguments, a trailing throwable included when the
	 * logging API passes it there
	 * @param throwable the throwable when the logging API passes it apart from the
	 * arguments, else {@code null}
	 * @param loggingThread the name of the thread that logs: for a report, the pool's
	 * housekeeper
	 * @return whether it was one of the two leak messages
	 */
	public boolean accept(@Nullable String format, Object @Nullable [] arguments, @Nullable Throwable throwable,
			@Nullable String loggingThread) {
		if (arguments == null || arguments.length < 2) {
			return false;
		}
		if (LEAK_FORMAT.equals(format)) {
			Throwable borrowStack = (throwable != null) ? throwable : trailingThrowable(arguments);
			this.registry.reported(poolOf(loggingThread), String.valueOf(arguments[0]), String.valueOf(arguments[1]),
					borrowStack);
			return true;
		}
		if (RETURNED_FORMAT.equals(format)) {
			this.registry.returned(String.valueOf(arguments[0]), String.valueOf(arguments[1]));
			return true;
		}
		return false;
	}

	/**
	 * The pool a leak report comes from. The report names only the driver's connection,
	 * but HikariCP runs its leak task on the pool's housekeeper thread, named after the
	 * pool, unless the application gave the pool its own scheduled executor or thread
	 * factory.
	 * @param loggingThread the name of the thread that logged the report
	 * @return the pool's name, or {@code null} when the thread is not a HikariCP
	 * housekeeper
	 */
	static @Nullable String poolOf(@Nullable String loggingThread) {
		if (loggingThread == null) {
			return null;
		}
		for (String suffix : new String[] { HOUSEKEEPER_SUFFIX, OLD_HOUSEKEEPER_SUFFIX }) {
			if (loggingThread.endsWith(suffix) && loggingThread.length() > suffix.length()) {
				return loggingThread.substring(0, loggingThread.length() - suffix.length());
			}
		}
		return null;
	}

	private static @Nullable Throwable trailingThrowable(@Nullable Object[] arguments) {
		return (arguments[arguments.length - 1] instanceof Throwable last) ? last : null;
	}

}
