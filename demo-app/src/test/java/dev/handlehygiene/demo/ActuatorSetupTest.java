package dev.handlehygiene.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.DemoJson.Health;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the walk-through in demo-app/README.md relies on from application.properties: the
 * actuator on its own port only, and the {@code fileDescriptors} health contributor with
 * its details.
 */
class ActuatorSetupTest extends DemoOnRandomPorts {

	@Test
	void actuatorIsOnTheManagementPortOnly() {
		assertThat(this.managementPort).isNotEqualTo(this.serverPort);
		assertThat(this.demo.statusOnServerPort("/actuator/fdleaks")).isEqualTo(404);
	}

	@Test
	void fileDescriptorsHealthShowsItsDetails() {
		Health health = this.demo.actuator("/actuator/health/fileDescriptors", Health.class);
		assertThat(health.status()).isEqualTo("UP");
		Map<String, Object> details = health.details();
		assertThat(details).containsKeys("open", "limit", "usage", "level", "countMethod");
		assertThat(((Number) details.get("open")).longValue()).isPositive()
			.isLessThan(((Number) details.get("limit")).longValue());
		assertThat(details.get("level")).isEqualTo("ok");
	}

}
