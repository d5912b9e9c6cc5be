package dev.handlehygiene.version;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Spring Boot version check on this Boot 4 classpath; integration-tests/boot3 runs it
 * on a real Boot 3.
 */
class SpringBootVersionCheckTest {

	private final SpringBootVersionCheck check = new SpringBootVersionCheck();

	@Test
	void letsSpringBoot4Through() {
		assertThatNoException()
			.isThrownBy(() -> this.check.onApplicationEvent(environmentPrepared(new SpringApplication())));
	}

	@Test
	void stopsWhenTheBoot4TypeIsMissingAndNamesBothVersions() {
		SpringApplication application = new SpringApplication();
		application
			.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader(SpringBootVersionCheck.BOOT_4_TYPE)));
		UnsupportedSpringBootVersionException failure = catchThrowableOfType(
				UnsupportedSpringBootVersionException.class,
				() -> this.check.onApplicationEvent(environmentPrepared(application)));
		assertThat(failure.getRequiredVersion()).isEqualTo("4.0");
		assertThat(failure.getFoundVersion()).isEqualTo(SpringBootVersion.getVersion());
		assertThat(failure).hasMessage("handle-hygiene needs Spring Boot 4.0 or later, but this application runs on "
				+ "Spring Boot " + SpringBootVersion.getVersion());
	}

	@Test
	void isRegisteredUnderTheListenerKeyThatSpringBoot3AlsoReads() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
			.hasAtLeastOneElementOfType(SpringBootVersionCheck.class);
		// Boot's own analyzers take constructor arguments that only a running application
		// supplies: skipped here
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, (type, name, failure) -> {
			})).hasAtLeastOneElementOfType(UnsupportedSpringBootVersionFailureAnalyzer.class);
	}

	@Test
	void theFailureReportSaysWhatIsNeededWhatWasFoundAndWhatToDo() {
		FailureAnalysis analysis = new UnsupportedSpringBootVersionFailureAnalyzer()
			.analyze(new IllegalStateException(new UnsupportedSpringBootVersionException("4.0", "3.5.7")));
		assertThat(analysis.getDescription()).isEqualTo(
				"The handle-hygiene starter needs Spring Boot 4.0 or later, but this application runs on Spring Boot 3.5.7.");
		assertThat(analysis.getAction()).isEqualTo("Upgrade the application to Spring Boot 4.0 or later, or remove "
				+ "handle-hygiene-spring-boot-starter from its dependencies.");
	}

	@Test
	void anUnknownVersionIsSaidToBeUnknown() {
		assertThat(new UnsupportedSpringBootVersionException("4.0", null))
			.hasMessage("handle-hygiene needs Spring Boot 4.0 or later, but this application runs on an older "
					+ "Spring Boot (its version is unknown)");
	}

	private static ApplicationEnvironmentPreparedEvent environmentPrepared(SpringApplication application) {
		return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), application, new String[0],
				new MockEnvironment());
	}

}
