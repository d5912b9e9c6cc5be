package dev.handlehygiene.defaults;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.defaults.SafeDefaults.Group;

import static org.assertj.core.api.Assertions.assertThat;

class SafeDefaultsTest {

	@Test
	void everyGroupContributesTheDesignedKeysAndValues() {
		Map<String, String> defaults = SafeDefaults.of(EnumSet.allOf(Group.class), 20000, (key) -> false);
		assertThat(defaults).containsExactly(Map.entry("server.tomcat.connection-timeout", "10s"),
				Map.entry("server.tomcat.keep-alive-timeout", "100s"),
				Map.entry("server.jetty.connection-idle-timeout", "30s"),
				Map.entry("server.netty.idle-timeout", "100s"), Map.entry("server.tomcat.max-connections", "8192"),
				Map.entry("server.jetty.max-connections", "8192"),
				Map.entry("spring.http.clients.connect-timeout", "5s"),
				Map.entry("spring.http.clients.read-timeout", "30s"),
				Map.entry("spring.datasource.hikari.connection-timeout", "10000"),
				Map.entry("spring.datasource.hikari.leak-detection-threshold", "60000"),
				Map.entry("management.endpoint.health.group.liveness.include", "livenessState,fileDescriptors"));
	}

	@Test
	void maxConnectionsIsHalfASmallDescriptorLimit() {
		Map<String, String> defaults = SafeDefaults.of(EnumSet.of(Group.SERVER), 1024, (key) -> false);
		assertThat(defaults).containsEntry("server.tomcat.max-connections", "512")
			.containsEntry("server.jetty.max-connections", "512");
	}

	@Test
	void maxConnectionsIsLeftAloneWhereTheLimitIsUnknown() {
		assertThat(SafeDefaults.of(EnumSet.of(Group.SERVER), -1, (key) -> false))
			.doesNotContainKeys("server.tomcat.max-connections", "server.jetty.max-connections")
			.containsKey("server.tomcat.connection-timeout");
	}

	@Test
	void eachGroupCanBeLeftOut() {
		Map<String, String> defaults = SafeDefaults.of(EnumSet.of(Group.HIKARI), 20000, (key) -> false);
		assertThat(defaults).containsOnlyKeys("spring.datasource.hikari.connection-timeout",
				"spring.datasource.hikari.leak-detection-threshold");
		assertThat(SafeDefaults.of(EnumSet.noneOf(Group.class), 20000, (key) -> false)).isEmpty();
	}

	@Test
	void theLivenessGroupIsLeftToAnApplicationThatDefinesIt() {
		Map<String, String> defaults = SafeDefaults.of(EnumSet.of(Group.PROBES), 20000,
				"management.endpoint.health.group.liveness.include"::equals);
		assertThat(defaults).isEmpty();
	}

}
