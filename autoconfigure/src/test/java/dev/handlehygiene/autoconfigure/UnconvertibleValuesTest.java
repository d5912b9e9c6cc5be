package dev.handlehygiene.autoconfigure;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.handlehygiene.actuate.LoopbackService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A value that cannot even be converted to the property's type never reaches the
 * starter's range checks: Spring Boot's binder rejects it, and its failure report names
 * the property, the value as typed and where it came from (for an enum also the values
 * accepted). That report is what the user sees, so it is held here, one row each.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnconvertibleValuesTest {

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', value = { "handle-hygiene.fd.critical-usage | abc | double",
			"handle-hygiene.leaks.http-client.max-open-age | banana | java.time.Duration",
			"management.endpoint.fdleaks.show-details | sometimes | org.springframework.boot.actuate.endpoint.Show",
			"handle-hygiene.defaults.enabled | maybe | java.lang.Boolean",
			"handle-hygiene.defaults.server.enabled | maybe | java.lang.Boolean",
			"handle-hygiene.defaults.http-client.enabled | maybe | java.lang.Boolean",
			"handle-hygiene.defaults.hikari.enabled | maybe | java.lang.Boolean",
			"handle-hygiene.defaults.probes.enabled | maybe | java.lang.Boolean" })
	void failsStartUpWithAReportNamingThePropertyAndTheValue(String property, String value, String type,
			CapturedOutput output) {
		SpringApplication application = new SpringApplication(LoopbackService.class);
		assertThatThrownBy(() -> application
			.run("--server.port=0", "--management.endpoints.web.exposure.include=fdleaks",
					"--" + property + "=" + value)
			.close()).hasRootCauseInstanceOf(Exception.class)
			.isInstanceOfAny(BindException.class, RuntimeException.class);
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: " + property, "Value: \"" + value + "\"",
				"Origin: \"" + property + "\" from property source \"commandLineArgs\"",
				"Reason: failed to convert java.lang.String to " + type);
	}

}
