package dev.handlehygiene.it.boot3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A Spring Boot 3 application that adds the starter stops at start-up with one message
 * naming the Boot version the starter needs and the one it found, before any
 * auto-configuration or web server: without the check, Boot 3 got as far as bean creation
 * and failed with a {@code NoClassDefFoundError} for a Boot 4 type.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartUpOnSpringBoot3Test {

	@Test
	void theClasspathIsSpringBoot3() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.");
	}

	@Test
	void startUpFailsWithTheVersionNeededAndTheVersionFound() {
		Throwable failure = catchThrowable(() -> run());
		// the exception's type is package-private: its name is what an application sees
		assertThat(failure.getClass().getName())
			.isEqualTo("dev.handlehygiene.version.UnsupportedSpringBootVersionException");
		assertThat(failure).hasNoCause()
			.hasMessage("handle-hygiene needs Spring Boot 4.0 or later, but this application runs on Spring Boot "
					+ SpringBootVersion.getVersion());
	}

	@Test
	void theLogShowsOneFailureReportAndNoStackTrace(CapturedOutput output) {
		catchThrowable(() -> run());
		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("The handle-hygiene starter needs Spring Boot 4.0 or later, but this application runs on "
					+ "Spring Boot " + SpringBootVersion.getVersion() + ".")
			.contains("Upgrade the application to Spring Boot 4.0 or later, or remove "
					+ "handle-hygiene-spring-boot-starter from its dependencies.")
			.doesNotContain("NoClassDefFoundError")
			.doesNotContain("\tat org.springframework");
	}

	@Test
	void neitherTheWebServerNorTheContextIsStarted(CapturedOutput output) {
		catchThrowable(() -> run());
		// the check runs once the environment is ready, before the context exists
		assertThat(output.getOut()).doesNotContain("Tomcat initialized").doesNotContain("Root WebApplicationContext");
	}

	private static void run() {
		try (ConfigurableApplicationContext context = SpringApplication.run(Boot3Application.class)) {
			throw new AssertionError("started on Spring Boot " + SpringBootVersion.getVersion());
		}
	}

}
