package dev.handlehygiene.it.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

import dev.handlehygiene.it.support.ActuatorClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Management on its own port, bound to the loopback interface: {@code fdleaks} answers
 * there, behind the same filter chain and the same {@code show-details} rule, and the
 * application's port does not serve it at all.
 */
@SpringBootTest(classes = SecuredActuatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=health,fdleaks",
				"management.endpoint.fdleaks.show-details=when-authorized", "management.endpoint.fdleaks.roles=ADMIN" })
class SeparateManagementPortTest extends WithHeldEvidence {

	/**
	 * {@code 127.0.0.1} as {@code /proc/net/tcp} writes it, and as {@code tcp6} writes it
	 * IPv4-mapped.
	 */
	private static final List<String> LOOPBACK = List.of("0100007F", "0000000000000000FFFF00000100007F");

	private static final String LISTEN = "0A";

	@LocalManagementPort
	int managementPort;

	@Override
	int managementPort() {
		return this.managementPort;
	}

	@Test
	void adminGetsTheDetailsOnTheManagementPort() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		ReportAssertions.assertDetails(read(admin(), "/actuator/fdleaks"), this.evidence);
	}

	@Test
	void theFilterChainGuardsTheManagementPortToo() {
		assertThat(anonymous().get("/actuator/fdleaks").getStatusCode().value()).isEqualTo(401);
		assertThat(wrongPassword(TestUsers.ADMIN).get("/actuator/fdleaks").getStatusCode().value()).isEqualTo(401);
		ReportAssertions.assertCountsOnly(read(viewer(), "/actuator/fdleaks"), this.evidence);
		assertThat(anonymous().get("/actuator/health").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void theApplicationPortDoesNotServeTheEndpoint() {
		ActuatorClient adminOnTheServerPort = new ActuatorClient(this.port).withBasicAuth(TestUsers.ADMIN,
				TestUsers.PASSWORD);
		assertThat(adminOnTheServerPort.get("/actuator/fdleaks").getStatusCode().value()).isEqualTo(404);
		assertThat(adminOnTheServerPort.get("/actuator/health").getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theManagementPortListensOnLoopbackOnly() throws IOException {
		List<String> listeners = listenAddresses(this.managementPort);
		assertThat(listeners).isNotEmpty();
		assertThat(listeners).allMatch(LOOPBACK::contains);
	}

	/**
	 * The local addresses of the sockets listening on a port, read from the kernel's
	 * tables.
	 */
	private static List<String> listenAddresses(int port) throws IOException {
		String portHex = String.format(Locale.ROOT, "%04X", port);
		List<String> addresses = new ArrayList<>();
		for (String table : new String[] { "/proc/self/net/tcp", "/proc/self/net/tcp6" }) {
			Path path = Path.of(table);
			if (!Files.isReadable(path)) {
				continue;
			}
			for (String line : Files.readAllLines(path)) {
				String[] columns = line.trim().split("\\s+");
				if (columns.length < 4 || !columns[1].contains(":")) {
					continue;
				}
				String[] local = columns[1].split(":");
				if (local[1].equals(portHex) && columns[3].equals(LISTEN)) {
					addresses.add(local[0]);
				}
			}
		}
		return addresses;
	}

}
