package dev.handlehygiene.leak;

import java.util.List;

/**
 * The one list of frames that are never a call site, for every tracked resource: the starter's own tracking code, the
 * JDK, and the frameworks, pools, drivers and clients that open resources on the application's behalf. A package when
 * the entry ends with a dot, otherwise one class and its nested classes.
 */
public final class FrameworkFrames {

	/** The default list. */
	public static final List<String> PREFIXES = List.of(
			// the starter's own tracking code (not all of dev.handlehygiene: the demo lives there)
			"dev.handlehygiene.leak.", "dev.handlehygiene.http.", "dev.handlehygiene.jdbc.",
			// the JDK
			"java.", "javax.", "jdk.", "sun.", "com.sun.",
			// frameworks, pools, drivers and clients between the application and the resource
			"org.springframework.", "io.micrometer.", "org.apache.hc.", "com.zaxxer.hikari.", "org.h2.");

	private FrameworkFrames() {
	}

}
