package dev.handlehygiene.actuate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A setting made in a config file on disk: its origin names the file's path only when
 * details are shown.
 */
class HiddenOriginIntegrationTest {

	private static final String KEY = "server.tomcat.connection-timeout";

	@TempDir
	Path temp;

	@Test
	void hiddenDetailsNameTheConfigFileWithoutItsPath() throws IOException {
		Path config = writeConfig();
		JsonNode setting = setting("never", config);
		assertThat(setting.get("origin").asString()).isEqualTo("application (ops-settings.properties)");
		assertThat(setting.toString()).doesNotContain(this.temp.toString()).doesNotContain("/");
		assertThat(setting.has("value")).isFalse();
	}

	@Test
	void shownDetailsNameTheConfigFilesPath() throws IOException {
		// the control: the path is really there to be hidden
		Path config = writeConfig();
		JsonNode setting = setting("always", config);
		assertThat(setting.get("origin").asString()).contains(config.toString());
		assertThat(setting.get("value").asString()).isEqualTo("12s");
	}

	private Path writeConfig() throws IOException {
		return Files.writeString(this.temp.resolve("ops-settings.properties"), "# ops\n" + KEY + "=12s\n");
	}

	private JsonNode setting(String showDetails, Path config) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoopbackService.class).run(
				"--server.port=0", "--spring.config.additional-location=file:" + config,
				"--management.endpoints.web.exposure.include=fdleaks",
				"--management.endpoint.fdleaks.show-details=" + showDetails)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JsonNode settings = new ActuatorClient(port).body("/actuator/fdleaks/settings").get("settings");
			for (JsonNode setting : settings) {
				if (setting.get("key").asString().equals(KEY)) {
					return setting;
				}
			}
			throw new AssertionError(KEY + " not in " + settings);
		}
	}

}
