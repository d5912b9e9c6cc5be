package dev.handlehygiene.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.handlehygiene.actuate.FileDescriptorLeaksEndpoint;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.defaults.DefaultKeys;
import dev.handlehygiene.defaults.SafeDefaults;
import dev.handlehygiene.demo.DemoJson.Health;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.it.support.ActuatorClient;
import dev.handlehygiene.leak.LeakTracker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's core, as the README's Performance section tells a start-up-sensitive
 * service to keep it: the demo with the exclusion list given there still applies the safe
 * defaults and answers the {@code fileDescriptors} health check, and has none of the
 * excluded parts: Micrometer's own descriptor meter stands in for the starter's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.autoconfigure.exclude=" + StarterCoreOnlyTest.EXCLUDED })
class StarterCoreOnlyTest {

	/** The README's list, in its order. */
	static final String EXCLUDED = "dev.handlehygiene.autoconfigure.FileDescriptorLeaksEndpointAutoConfiguration,"
			+ "dev.handlehygiene.autoconfigure.SettingsAuditAutoConfiguration,"
			+ "dev.handlehygiene.autoconfigure.HttpClientLeakDetectionAutoConfiguration,"
			+ "dev.handlehygiene.autoconfigure.JdbcLeakDetectionAutoConfiguration,"
			+ "dev.handlehygiene.autoconfigure.ExitOnCriticalAutoConfiguration,"
			+ "dev.handlehygiene.autoconfigure.HandleHygieneMetricsAutoConfiguration";

	@LocalManagementPort
	int managementPort;

	@Autowired
	ApplicationContext context;

	@Autowired
	ConfigurableEnvironment environment;

	@Test
	void theHealthCheckCountsWithTheSafeDefaultsInForce() {
		Health health = new ActuatorClient(this.managementPort).read("/actuator/health/fileDescriptors", Health.class);
		assertThat(health.status()).isEqualTo("UP");
		assertThat(((Number) health.details().get("open")).longValue()).isPositive();
		assertThat(this.context.getBeanNamesForType(FileDescriptorProbe.class)).hasSize(1);
		assertThat(this.environment.getPropertySources().contains(SafeDefaults.PROPERTY_SOURCE_NAME)).isTrue();
		assertThat(this.environment.getProperty(DefaultKeys.TOMCAT_CONNECTION_TIMEOUT)).isNotBlank();
	}

	@Test
	void theExcludedPartsAreAbsent() {
		assertThat(new ActuatorClient(this.managementPort).get("/actuator/fdleaks").getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.context.getBeanNamesForType(FileDescriptorLeaksEndpoint.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(LeakTracker.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(SettingsAudit.class)).isEmpty();
		// the README says so: without the starter's meter, Micrometer's own, read through
		// the MXBean, is back
		assertThat(this.context.getBean(FileDescriptorMetrics.class).getClass()).isEqualTo(FileDescriptorMetrics.class);
	}

	@Test
	void theReadmeGivesTheSameList() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf("spring.autoconfigure.exclude=\\");
		assertThat(start).isNotNegative();
		String listed = readme.substring(start, readme.indexOf("```", start));
		assertThat(listed.replaceAll("spring\\.autoconfigure\\.exclude=|[\\\\\\s]", "")).isEqualTo(EXCLUDED);
	}

}
