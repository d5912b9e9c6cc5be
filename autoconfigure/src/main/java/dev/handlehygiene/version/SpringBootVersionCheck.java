package dev.handlehygiene.version;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.ClassUtils;

/**
 * Stops start-up on a Spring Boot older than {@value #REQUIRED_VERSION} with one message,
 * before any of the starter's auto-configuration classes is loaded: on Boot 3 those name
 * Boot 4 types and would fail deep in bean creation with a {@code NoClassDefFoundError}.
 * Registered in {@code spring.factories} under {@code ApplicationListener}, a key that
 * Boot 3 and Boot 4 both read, and written against types that both have, so that this
 * class itself loads on Boot 3. It is the earliest hook whose failure Spring Boot still
 * hands to its failure analyzers: the starting event is published outside that handling.
 */
class SpringBootVersionCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** The oldest Spring Boot line the starter is built for. */
	public static final String REQUIRED_VERSION = "4.0";

	// a type Boot 4.0 moved into this package; the starter's safe defaults are registered
	// under its name
	static final String BOOT_4_TYPE = "org.springframework.boot.EnvironmentPostProcessor";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (!ClassUtils.isPresent(BOOT_4_TYPE, event.getSpringApplication().getClassLoader())) {
			throw new UnsupportedSpringBootVersionException(REQUIRED_VERSION, SpringBootVersion.getVersion());
		}
	}

}
