package dev.handlehygiene.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.handlehygiene.actuate.FileDescriptorsHealthIndicator;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.restart.ExitOnCritical;
import dev.handlehygiene.restart.ProcessExit;

/**
 * Opt-in with {@code handle-hygiene.restart.exit-on-critical=true}: watches the
 * {@code fileDescriptors} health indicator and exits the process, gracefully and with
 * code 75, once it has been DOWN for {@code handle-hygiene.restart.grace}.
 */
@AutoConfiguration(
		after = { HandleHygieneAutoConfiguration.class, FileDescriptorsHealthContributorAutoConfiguration.class })
@ConditionalOnHandleHygieneEnabled
@ConditionalOnBooleanProperty(RestartProperties.EXIT_ON_CRITICAL)
@EnableConfigurationProperties(RestartProperties.class)
class ExitOnCriticalAutoConfiguration {

	private static final String INDICATOR = "dev.handlehygiene.actuate.FileDescriptorsHealthIndicator";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnBean(type = INDICATOR)
	static class WatchingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ProcessExit processExit(ConfigurableApplicationContext context) {
			return ProcessExit.graceful(context);
		}

		@Bean
		@ConditionalOnMissingBean
		ExitOnCritical exitOnCritical(FileDescriptorsHealthIndicator indicator, RestartProperties properties,
				FileDescriptorInventory inventory, ObjectProvider<FileDescriptorDiagnostician> diagnostician,
				ApplicationEventPublisher events, ProcessExit processExit) {
			FileDescriptorDiagnostician findings = diagnostician.getIfAvailable();
			return (findings != null)
					? new ExitOnCritical(indicator, properties.getGrace(), inventory, findings, events, processExit)
					: new ExitOnCritical(indicator, properties.getGrace(), inventory, events, processExit);
		}

		@Bean
		SmartLifecycle exitOnCriticalSchedule(ExitOnCritical exitOnCritical) {
			return exitOnCritical.schedule(ExitOnCritical.DEFAULT_CHECK_INTERVAL);
		}

	}

	// by name, so that this also matches where spring-boot-health is absent and the
	// indicator's class cannot load
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(type = INDICATOR)
	static class NothingToWatchConfiguration {

		@Bean
		SmartInitializingSingleton unwatchedExitOnCriticalWarning() {
			return ExitOnCritical.unwatchedWarning();
		}

	}

}
