package dev.handlehygiene.demo;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole demo, on real sockets, with the server and the actuator each on a free port.
 * Every test class extends this one configuration, so they share one application context,
 * as they would share one running demo; each test therefore measures its own change from
 * a "before" reading instead of expecting absolute counts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
abstract class DemoOnRandomPorts {

	@LocalServerPort
	int serverPort;

	@LocalManagementPort
	int managementPort;

	DemoClient demo;

	@BeforeEach
	void connect() {
		this.demo = new DemoClient(this.serverPort, this.managementPort);
	}

}
