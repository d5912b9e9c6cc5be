package dev.handlehygiene.demo;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /leak/jdbc}: borrows a connection from the Hikari pool and never returns
 * it. Past {@code spring.datasource.hikari.leak-detection-threshold} (2 s in the demo)
 * Hikari logs its leak warning, and the starter turns it into
 * {@code handle.hygiene.leaks{resource="jdbc.connection"}} and an entry under
 * {@code /actuator/fdleaks/leaks} with this method in its stack.
 * {@code POST /leak/jdbc/return} gives them back, and the entries say so.
 */
@RestController
class LeakyJdbcController {

	private final DataSource dataSource;

	private final HeldLeaks<Connection> heldConnections;

	LeakyJdbcController(DataSource dataSource, HeldLeaks<Connection> heldConnections) {
		this.dataSource = dataSource;
		this.heldConnections = heldConnections;
	}

	@PostMapping("/leak/jdbc")
	LeakOutcome leak() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		int held = this.heldConnections.hold(connection);
		return new LeakOutcome(1, held, connection.getMetaData().getURL());
	}

	@PostMapping("/leak/jdbc/return")
	ClosedOutcome giveBack() throws SQLException {
		int returned = 0;
		for (Connection connection : this.heldConnections.release()) {
			connection.close();
			returned++;
		}
		return new ClosedOutcome(returned, "the Hikari pool");
	}

}
