package dev.handlehygiene.restart;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says, once at start-up, that {@code exit-on-critical} is on but has nothing to watch,
 * because the {@code fileDescriptors} health indicator is switched off or replaced.
 * Silence here would read as protection.
 */
class UnwatchedExitOnCriticalWarning implements SmartInitializingSingleton {

	static final String MESSAGE = RestartKeys.EXIT_ON_CRITICAL + "=true, but there is no"
			+ " FileDescriptorsHealthIndicator bean (management.health.file-descriptors.enabled=false, or a bean of"
			+ " another type named fileDescriptorsHealthIndicator): nothing is watched, and the application will not"
			+ " exit when descriptors run out";

	private static final Log logger = LogFactory.getLog(UnwatchedExitOnCriticalWarning.class);

	@Override
	public void afterSingletonsInstantiated() {
		logger.warn(MESSAGE);
	}

}
