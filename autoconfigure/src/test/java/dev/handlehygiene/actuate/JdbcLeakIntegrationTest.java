package dev.handlehygiene.actuate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A HikariCP connection held past the pool's leak detection threshold, on a real server
 * and pool, as the user sees it: in {@code /actuator/fdleaks/leaks}, in the counter, and
 * in HikariCP's own warning, unchanged.
 */
@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,fdleaks,metrics",
				"management.endpoint.fdleaks.show-details=always", "spring.datasource.hikari.pool-name=orders",
				"spring.datasource.hikari.leak-detection-threshold=2000" })
class JdbcLeakIntegrationTest {

	private static final Duration DEADLINE = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@Test
	void aConnectionHeldPastTheThresholdIsListedWithItsBorrowerAndMarkedReturnedWhenItComesBack() throws Exception {
		ActuatorClient actuator = new ActuatorClient(this.port);
		Connection held = borrowForTooLong();
		try {
			// HikariCP reports at 2 s: the connection is held until the report is seen, 3
			// s or more
			JsonNode jdbc = poll(actuator, (body) -> body.path("leaked").asLong() >= 1);
			assertThat(jdbc.get("leaked").asLong()).isEqualTo(1);
			assertThat(jdbc.get("suspected").asLong()).as("reported and not returned").isEqualTo(1);
			assertThat(jdbc.has("open")).as("HikariCP's own meters count connections out").isFalse();
			JsonNode site = jdbc.get("sites").get(0);
			assertThat(site.get("pool").asString()).isEqualTo("orders");
			assertThat(site.get("site").asString()).startsWith(
					JdbcLeakIntegrationTest.class.getName() + ".borrowForTooLong(JdbcLeakIntegrationTest.java:");
			assertThat(site.get("stack").toString()).contains("borrowForTooLong");
			assertThat(site.get("leaked").asLong()).isEqualTo(1);
			assertThat(site.get("suspected").asLong()).isEqualTo(1);
			JsonNode connection = site.get("recent").get(0);
			assertThat(connection.get("name").asString()).startsWith("conn").contains("url=jdbc:h2:");
			assertThat(connection.has("closedAt")).isFalse();
			assertThat(connection.get("thread").asString()).isEqualTo(Thread.currentThread().getName());
			assertThat(this.meters.get("handle.hygiene.leaks")
				.tag("resource", "jdbc.connection")
				.tag("pool", "orders")
				.functionCounter()
				.count()).isEqualTo(1.0);
		}
		finally {
			held.close();
		}
		JsonNode jdbc = poll(actuator, (body) -> body.path("suspected").asLong() == 0);
		JsonNode site = jdbc.get("sites").get(0);
		assertThat(site.get("suspected").asLong()).as("returned since").isZero();
		assertThat(site.get("recent").get(0).get("closedAt").asString()).isNotBlank();
		assertThat(jdbc.get("leaked").asLong()).as("a return is not a second leak").isEqualTo(1);
	}

	private Connection borrowForTooLong() throws SQLException {
		return this.dataSource.getConnection();
	}

	private static JsonNode poll(ActuatorClient actuator, Predicate<JsonNode> done) {
		return await("leaks.jdbc").atMost(DEADLINE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> actuator.body("/actuator/fdleaks/leaks").get("leaks").path("jdbc"), done);
	}

}
