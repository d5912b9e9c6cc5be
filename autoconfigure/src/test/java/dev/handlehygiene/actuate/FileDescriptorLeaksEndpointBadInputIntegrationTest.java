package dev.handlehygiene.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests to {@code /actuator/fdleaks}, sent as raw bytes over a real socket
 * (several are not URIs a client library would send), answer with a 2xx or a 4xx, never a
 * 5xx.
 */
@SpringBootTest(classes = LoopbackService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=health,fdleaks")
class FileDescriptorLeaksEndpointBadInputIntegrationTest {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/actuator/fdleaks/nope", "/actuator/fdleaks/TCP", "/actuator/fdleaks/%20tcp",
			"/actuator/fdleaks/%00", "/actuator/fdleaks/%ZZ", "/actuator/fdleaks/%", "/actuator/fdleaks/%C0%AE%C0%AE",
			"/actuator/fdleaks/%FF%FE", "/actuator/fdleaks/%2F", "/actuator/fdleaks/..%2F..%2Fetc%2Fpasswd",
			"/actuator/fdleaks/%2e%2e", "/actuator/fdleaks/%F0%9F%98%80", "/actuator/fdleaks/%3Cscript%3E",
			"/actuator/fdleaks/", "/actuator/fdleaks//", "/actuator/fdleaks/tcp/", "/actuator/fdleaks/tcp//",
			"/actuator/fdleaks/tcp/extra", "/actuator/fdleaks/tcp.json", "/actuator/fdleaks/tcp;x=y",
			"/actuator/fdleaks;jsessionid=1", "/actuator/fdleaks?section=tcp&foo=bar",
			"/actuator/fdleaks/tcp?showDetails=always&foo", "/actuator/fdleaks?%ZZ=1", "/actuator/fdleaks?=&&=",
			"/actuator/fdleaks/trend?section=%00" })
	void aMalformedRequestIsNeverAServerError(String path) throws IOException {
		assertThat(status(path)).as("status of GET %s", path).isBetween(200, 499);
	}

	@Test
	void aVeryLongSectionNameIsA404ThatEchoesOnlyItsStart() throws IOException {
		String name = "a".repeat(5000);
		assertThat(status("/actuator/fdleaks/" + name)).isEqualTo(404);
		ResponseEntity<JsonNode> response = new ActuatorClient(this.port).get("/actuator/fdleaks/" + name);
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		String message = response.getBody().get("message").asString();
		assertThat(message).startsWith("No fdleaks section '" + "a".repeat(64) + "\u2026'")
			.doesNotContain("a".repeat(65))
			.endsWith("the sections are types, tcp, files, leaks, settings, trend, diagnosis");
		assertThat(message.length()).isLessThan(200);
	}

	@Test
	void aShortUnknownNameIsEchoedWhole() {
		JsonNode body = new ActuatorClient(this.port).body("/actuator/fdleaks/nope");
		assertThat(body.get("status").asInt()).isEqualTo(404);
		assertThat(body.get("message").asString()).startsWith("No fdleaks section 'nope';");
	}

	@Test
	void everySectionAnswers200() {
		ActuatorClient actuator = new ActuatorClient(this.port);
		for (String section : FileDescriptorLeaksEndpoint.sectionNames()) {
			ResponseEntity<JsonNode> response = actuator.get("/actuator/fdleaks/" + section);
			assertThat(response.getStatusCode().value()).as(section).isEqualTo(200);
			assertThat(response.getBody().has(section)).as(section).isTrue();
		}
	}

	/**
	 * The status code of a GET sent as typed, without a client library's checks or
	 * encoding.
	 */
	private int status(String path) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			// "HTTP/1.1 404 ..."
			assertThat(response).as("response to %s", path).startsWith("HTTP/1.1 ");
			return Integer.parseInt(response.substring(9, 12));
		}
	}

}
