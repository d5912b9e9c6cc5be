package dev.handlehygiene.actuate;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safe defaults as the running Tomcat applies them, and the audit that reads them
 * back from its connector.
 */
class TomcatDefaultsIntegrationTest {

	static AbstractProtocol<?> connector(WebServerApplicationContext context) {
		TomcatWebServer tomcat = (TomcatWebServer) context.getWebServer();
		return (AbstractProtocol<?>) tomcat.getTomcat().getConnector().getProtocolHandler();
	}

	static JsonNode setting(JsonNode settings, String key) {
		for (JsonNode setting : settings) {
			if (setting.get("key").asString().equals(key)) {
				return setting;
			}
		}
		throw new AssertionError(key + " not in " + settings);
	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=health,fdleaks,env",
					"management.endpoint.fdleaks.show-details=always" })
	class WithOnlyTheStarter {

		@Autowired
		WebServerApplicationContext context;

		@LocalServerPort
		int port;

		@Test
		void theConnectorHasTheStartersTimeoutsAndCap() {
			AbstractProtocol<?> connector = connector(this.context);
			assertThat(connector.getConnectionTimeout()).isEqualTo(10000);
			assertThat(connector.getKeepAliveTimeout()).isEqualTo(100000);
			// min(8192, 20000 / 2) on this machine's hard limit of 20000
			assertThat(connector.getMaxConnections()).isEqualTo(8192);
		}

		@Test
		void theAuditReadsThemBackAsTheStartersDefaults() {
			JsonNode settings = new ActuatorClient(this.port).body("/actuator/fdleaks/settings").get("settings");
			JsonNode timeout = setting(settings, "server.tomcat.connection-timeout");
			assertThat(timeout.propertyNames()).containsExactly("key", "value", "origin", "verdict", "object");
			assertThat(timeout.get("value").asString()).isEqualTo("10s");
			assertThat(timeout.get("origin").asString()).isEqualTo("handle-hygiene default");
			assertThat(timeout.get("verdict").asString()).isEqualTo("ok");
			assertThat(timeout.get("object").asString()).startsWith("Tomcat connector http-nio-");
			assertThat(setting(settings, "server.tomcat.keep-alive-timeout").get("value").asString()).isEqualTo("100s");
			assertThat(setting(settings, "server.tomcat.max-connections").get("value").asString()).isEqualTo("8192");
		}

		@Autowired
		ConfigurableEnvironment environment;

		@Test
		void theEnvEndpointNamesTheDefaultsPropertySourceForEachDefault() {
			String[] keys = ((EnumerablePropertySource<?>) this.environment.getPropertySources()
				.get("handleHygieneDefaults")).getPropertyNames();
			assertThat(keys).hasSize(11);
			ActuatorClient actuator = new ActuatorClient(this.port);
			for (String key : keys) {
				JsonNode env = actuator.body("/actuator/env/" + key);
				assertThat(env.get("property").get("source").asString()).as(key).isEqualTo("handleHygieneDefaults");
			}
		}

	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=health,fdleaks",
					"management.endpoint.fdleaks.show-details=always", "server.tomcat.connection-timeout=3s" })
	class WithTheApplicationsOwnTimeout {

		@Autowired
		WebServerApplicationContext context;

		@LocalServerPort
		int port;

		@Test
		void theApplicationsValueWinsAndTheAuditSaysSo() {
			assertThat(connector(this.context).getConnectionTimeout()).isEqualTo(3000);
			JsonNode timeout = setting(new ActuatorClient(this.port).body("/actuator/fdleaks/settings").get("settings"),
					"server.tomcat.connection-timeout");
			assertThat(timeout.get("value").asString()).isEqualTo("3s");
			assertThat(timeout.get("origin").asString()).startsWith("application (");
		}

	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
			"management.endpoints.web.exposure.include=health,fdleaks", "handle-hygiene.defaults.enabled=false" })
	class WithTheDefaultsSwitchedOff {

		@Autowired
		WebServerApplicationContext context;

		@LocalServerPort
		int port;

		@Test
		void tomcatKeepsItsOwnDefaultsAndTheAuditCallsThemFrameworkDefaults() {
			assertThat(connector(this.context).getConnectionTimeout()).isEqualTo(60000);
			JsonNode timeout = setting(new ActuatorClient(this.port).body("/actuator/fdleaks/settings").get("settings"),
					"server.tomcat.connection-timeout");
			assertThat(timeout.get("origin").asString()).isEqualTo("framework default");
			// values are details, hidden by default
			assertThat(timeout.has("value")).isFalse();
			assertThat(timeout.get("verdict").asString()).isEqualTo("ok");
		}

	}

}
