package dev.handlehygiene.restart;

import java.util.function.IntConsumer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closes the application context with {@link SpringApplication#exit}, then exits the JVM
 * with the code. Closing the context runs the web server's graceful shutdown
 * ({@code server.shutdown=graceful} is Spring Boot's default), so requests in flight
 * finish, for up to {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s by
 * default).
 * <p>
 * Runs on a thread of its own: closing the context stops the watcher that asked for the
 * exit, and a non-daemon thread keeps the JVM alive until the shutdown is done.
 */
class GracefulProcessExit implements ProcessExit {

	static final String THREAD_NAME = "handle-hygiene-exit";

	private final ConfigurableApplicationContext context;

	private final IntConsumer systemExit;

	/**
	 * An exit of this application.
	 * @param context the application's context
	 */
	public GracefulProcessExit(ConfigurableApplicationContext context) {
		this(context, System::exit);
	}

	GracefulProcessExit(ConfigurableApplicationContext context, IntConsumer systemExit) {
		this.context = context;
		this.systemExit = systemExit;
	}

	@Override
	public void exit(int code) {
		Thread thread = new Thread(() -> shutDownAndExit(code), THREAD_NAME);
		thread.setDaemon(false);
		thread.start();
	}

	private void shutDownAndExit(int code) {
		int status = code;
		try {
			status = SpringApplication.exit(this.context, () -> code);
		}
		finally {
			// SpringApplication.exit reports a failed close as status 1 at most; never
			// let the process exit 0 here
			this.systemExit.accept((status != 0) ? status : code);
		}
	}

}
