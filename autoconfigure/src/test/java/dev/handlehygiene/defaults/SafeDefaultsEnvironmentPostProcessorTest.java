package dev.handlehygiene.defaults;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts real (non-web) applications, so the post-processor runs from
 * {@code spring.factories} as it does for users.
 */
class SafeDefaultsEnvironmentPostProcessorTest {

	@Test
	void addsTheDefaultsAsTheLastPropertySource() {
		try (ConfigurableApplicationContext context = start()) {
			ConfigurableEnvironment environment = context.getEnvironment();
			List<String> sources = new ArrayList<>();
			environment.getPropertySources().forEach((source) -> sources.add(source.getName()));
			// only Spring Boot's own applicationInfo (spring.application.pid and version)
			// and the application's
			// defaultProperties may come after it
			assertThat(sources.subList(sources.indexOf("handleHygieneDefaults") + 1, sources.size()))
				.isSubsetOf("applicationInfo", "defaultProperties");
			assertThat(environment.getProperty("server.tomcat.connection-timeout")).isEqualTo("10s");
			assertThat(environment.getProperty("spring.datasource.hikari.leak-detection-threshold")).isEqualTo("60000");
			assertThat(environment.getProperty("management.endpoint.health.group.liveness.include"))
				.isEqualTo("livenessState,fileDescriptors");
		}
	}

	@Test
	void whatTheApplicationSetsWins() {
		try (ConfigurableApplicationContext context = start("server.tomcat.connection-timeout=3s",
				"SPRING_HTTP_CLIENTS_READTIMEOUT=7s")) {
			assertThat(context.getEnvironment().getProperty("server.tomcat.connection-timeout")).isEqualTo("3s");
			assertThat(context.getEnvironment().getProperty("server.tomcat.keep-alive-timeout")).isEqualTo("100s");
		}
	}

	@Test
	void theApplicationsDefaultPropertiesWinToo() {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(java.util.Map.of("server.tomcat.connection-timeout", "4s"));
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.getEnvironment().getProperty("server.tomcat.connection-timeout")).isEqualTo("4s");
		}
	}

	@Test
	void addsNothingWhenTheDefaultsAreSwitchedOff() {
		try (ConfigurableApplicationContext context = start("handle-hygiene.defaults.enabled=false")) {
			assertThat(context.getEnvironment().getPropertySources().contains("handleHygieneDefaults")).isFalse();
			assertThat(context.getEnvironment().getProperty("server.tomcat.connection-timeout")).isNull();
		}
	}

	@Test
	void addsNothingWhenTheStarterIsSwitchedOff() {
		try (ConfigurableApplicationContext context = start("handle-hygiene.enabled=false")) {
			assertThat(context.getEnvironment().getPropertySources().contains("handleHygieneDefaults")).isFalse();
		}
	}

	@Test
	void eachGroupHasItsOwnSwitch() {
		try (ConfigurableApplicationContext context = start("handle-hygiene.defaults.server.enabled=false",
				"handle-hygiene.defaults.hikari.enabled=false", "handle-hygiene.defaults.probes.enabled=false")) {
			PropertySource<?> defaults = context.getEnvironment().getPropertySources().get("handleHygieneDefaults");
			assertThat(((EnumerablePropertySource<?>) defaults).getPropertyNames())
				.containsExactlyInAnyOrder("spring.http.clients.connect-timeout", "spring.http.clients.read-timeout");
		}
	}

	@Test
	void leavesALivenessGroupTheApplicationDefinesAlone() {
		try (ConfigurableApplicationContext context = start(
				"management.endpoint.health.group.liveness.include[0]=livenessState")) {
			PropertySource<?> defaults = context.getEnvironment().getPropertySources().get("handleHygieneDefaults");
			assertThat(defaults.containsProperty("management.endpoint.health.group.liveness.include")).isFalse();
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] args = new String[properties.length];
		for (int i = 0; i < properties.length; i++) {
			args[i] = "--" + properties[i];
		}
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
