package dev.handlehygiene.actuate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A real service for the integration tests: the starter's auto-configuration on Tomcat,
 * plus an upstream that answers and closes its side of the connection.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@RestController
public class LoopbackService {

	static final String PAYLOAD = "x".repeat(512);

	/**
	 * Larger than the JDK client reads ahead, small enough for the loopback socket
	 * buffers, so the server finishes and closes while the client has not read it all:
	 * the client's socket sits in CLOSE_WAIT (512 KB is too large: the server stays
	 * blocked writing and the socket ESTABLISHED).
	 */
	static final String LARGE_PAYLOAD = "y".repeat(96 * 1024);

	@GetMapping("/upstream")
	ResponseEntity<String> upstream() {
		return ResponseEntity.ok().header(HttpHeaders.CONNECTION, "close").body(PAYLOAD);
	}

	@GetMapping("/upstream/large")
	ResponseEntity<String> large() {
		return ResponseEntity.ok().header(HttpHeaders.CONNECTION, "close").body(LARGE_PAYLOAD);
	}

}
