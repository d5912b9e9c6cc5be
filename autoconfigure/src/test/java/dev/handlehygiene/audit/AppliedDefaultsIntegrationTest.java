package dev.handlehygiene.audit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.annotation.DirtiesContext;

import dev.handlehygiene.actuate.LoopbackService;
import dev.handlehygiene.defaults.SafeDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up line counts the defaults that apply to what the application runs, not
 * every key the starter sets: real Tomcat applications, with and without a Hikari pool.
 * Their servers are closed after each class: the descriptor tests in this JVM count
 * listening sockets.
 */
class AppliedDefaultsIntegrationTest {

	private static final String[] ON_TOMCAT_WITH_CLIENT_SETTINGS = { "server.tomcat.connection-timeout",
			"server.tomcat.keep-alive-timeout", "server.tomcat.max-connections", "spring.http.clients.connect-timeout",
			"spring.http.clients.read-timeout", "management.endpoint.health.group.liveness.include" };

	static String[] propertyNames(ConfigurableEnvironment environment) {
		return ((EnumerablePropertySource<?>) environment.getPropertySources().get(SafeDefaults.PROPERTY_SOURCE_NAME))
			.getPropertyNames();
	}

	@Nested
	@DirtiesContext
	@ExtendWith(OutputCaptureExtension.class)
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
	class TomcatWithoutADataSource {

		@Autowired
		SettingsAudit audit;

		@Autowired
		SettingOrigins origins;

		@Autowired
		ConfigurableEnvironment environment;

		@Test
		void countsTheTomcatClientAndLivenessKeysButNoHikariJettyOrNettyKey(CapturedOutput output) {
			// the starter did set them: they simply do not apply here
			assertThat(propertyNames(this.environment)).contains("spring.datasource.hikari.leak-detection-threshold",
					"server.jetty.connection-idle-timeout", "server.netty.idle-timeout");
			assertThat(new AppliedDefaults(this.origins).keys(this.audit.run()))
				.containsExactlyInAnyOrder(ON_TOMCAT_WITH_CLIENT_SETTINGS);
			assertThat(output).contains("handle-hygiene: 6 safe defaults in force");
		}

	}

	@Nested
	@DirtiesContext
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT)
	class TomcatWithAnH2Pool {

		@Autowired
		SettingsAudit audit;

		@Autowired
		SettingOrigins origins;

		@Test
		void countsTheHikariKeysToo() {
			assertThat(new AppliedDefaults(this.origins).keys(this.audit.run()))
				.contains(ON_TOMCAT_WITH_CLIENT_SETTINGS)
				.contains("spring.datasource.hikari.connection-timeout",
						"spring.datasource.hikari.leak-detection-threshold")
				.hasSize(8)
				.doesNotContain("server.jetty.connection-idle-timeout", "server.netty.idle-timeout");
		}

	}

}
