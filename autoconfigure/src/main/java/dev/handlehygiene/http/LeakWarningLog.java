package dev.handlehygiene.http;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.handlehygiene.leak.Leak;
import dev.handlehygiene.leak.LeakListener;

/**
 * One WARN line per call site, the first time it leaks a response: later leaks from the
 * same site are counted, not logged, so a hot leak cannot flood the log.
 */
class LeakWarningLog implements LeakListener {

	private static final Log logger = LogFactory.getLog(LeakWarningLog.class);

	@Override
	public void onLeak(Leak leak) {
		if (leak.firstAtSite()) {
			logger.warn("HTTP client response was never closed: " + leak.description() + " from " + leak.site()
					+ ". Close it (try-with-resources) or read it with retrieve(); further leaks from this site are"
					+ " counted in handle.hygiene.leaks and /actuator/fdleaks/leaks");
		}
	}

}
