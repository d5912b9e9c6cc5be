package dev.handlehygiene.restart;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ends the process, on purpose, so that its supervisor starts a fresh one. Replace the
 * bean to change how (or, in a test, to observe the call without ending the JVM).
 */
@FunctionalInterface
public interface ProcessExit {

	/**
	 * Starts ending the process. Returns at once: the shutdown itself runs elsewhere,
	 * since it stops the very thread that asks for it.
	 * @param code the process's exit status
	 */
	void exit(int code);

	/**
	 * The default: closes the application context, so that the web server drains and
	 * every bean is destroyed, then halts with the code.
	 * @param context the application's context
	 * @return the exit
	 */
	static ProcessExit graceful(ConfigurableApplicationContext context) {
		return new GracefulProcessExit(context);
	}

}
