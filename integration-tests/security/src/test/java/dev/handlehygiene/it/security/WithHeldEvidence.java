package dev.handlehygiene.it.security;

import java.net.http.HttpClient;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import dev.handlehygiene.it.support.ActuatorClient;
import dev.handlehygiene.jdbc.JdbcLeakRegistry;
import dev.handlehygiene.leak.LeakTracker;

/**
 * A test against a running application that holds {@link HeldEvidence} for the whole
 * class, and calls the actuator over real HTTP as an anonymous caller, as
 * {@link TestUsers#VIEWER} or as {@link TestUsers#ADMIN}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WithHeldEvidence {

	// one JDK client for the class: each would hold sockets of its own
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	private RestClient.Builder builder;

	@Autowired
	@Qualifier("httpClientResponseLeakTracker")
	private LeakTracker tracker;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcLeakRegistry jdbcLeaks;

	HeldEvidence evidence;

	@BeforeAll
	void holdEvidence() throws Exception {
		this.evidence = HeldEvidence.hold(this.builder, this.port, this.tracker, this.dataSource, this.jdbcLeaks);
	}

	@AfterAll
	void releaseEvidence() throws Exception {
		this.evidence.close();
	}

	/**
	 * The port the actuator answers on: the server port unless a test serves management
	 * on its own.
	 */
	int managementPort() {
		return this.port;
	}

	ActuatorClient anonymous() {
		return new ActuatorClient(managementPort(), this.http);
	}

	ActuatorClient viewer() {
		return anonymous().withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
	}

	ActuatorClient admin() {
		return anonymous().withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD);
	}

	ActuatorClient wrongPassword(String user) {
		return anonymous().withBasicAuth(user, "wrong");
	}

	static JsonNode read(ActuatorClient client, String path) {
		return client.read(path, JsonNode.class);
	}

}
