package dev.handlehygiene.restart;

/**
 * The properties that switch and time exit-on-critical, written once: the log lines name
 * them, and the properties class binds them.
 */
public final class RestartKeys {

	/** The prefix of the restart properties. */
	public static final String PREFIX = "handle-hygiene.restart";

	/** The switch. */
	public static final String EXIT_ON_CRITICAL = PREFIX + ".exit-on-critical";

	/** How long health must stay DOWN. */
	public static final String GRACE = PREFIX + ".grace";

	private RestartKeys() {
	}

}
