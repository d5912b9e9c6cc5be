package dev.handlehygiene.leak;

import java.util.ArrayList;
import java.util.List;

/**
 * The one list of frames that are never a call site, for every tracked resource: the
 * starter's own tracking code, the JDK, and the frameworks, servers, pools, drivers and
 * clients that open resources on the application's behalf. An entry ending with a dot is
 * a package, any other one class and its nested classes. Spring's CGLIB proxies of
 * application classes are skipped too ({@link CallSites}), so a {@code @Transactional}
 * method's caller is named rather than the proxy.
 */
public final class FrameworkFrames {

	/** The built-in list. */
	public static final List<String> PREFIXES = List.of(
			// the starter's own tracking code (not all of dev.handlehygiene: the demo
			// lives there)
			"dev.handlehygiene.leak.", "dev.handlehygiene.http.", "dev.handlehygiene.jdbc.",
			// the JDK
			"java.", "javax.", "jdk.", "sun.", "com.sun.",
			// Spring, Jakarta EE APIs (Persistence, Servlet, Transactions), Hibernate,
			// Micrometer
			"org.springframework.", "jakarta.", "org.hibernate.", "io.micrometer.",
			// servers and their request threads
			"org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.", "org.eclipse.jetty.", "io.netty.",
			"reactor.",
			// HTTP clients
			"org.apache.hc.", "okhttp3.",
			// pools and JDBC drivers
			"com.zaxxer.hikari.", "org.h2.", "org.postgresql.", "com.mysql.", "org.mariadb.", "oracle.jdbc.",
			"com.microsoft.sqlserver.", "org.hsqldb.", "org.apache.derby.");

	private FrameworkFrames() {
	}

	/**
	 * The built-in list and the application's own additions.
	 * @param more further packages or classes that are never a call site, such as an
	 * in-house client library
	 * @return the combined list
	 */
	public static List<String> with(List<String> more) {
		List<String> all = new ArrayList<>(PREFIXES);
		all.addAll(more);
		return List.copyOf(all);
	}

}
