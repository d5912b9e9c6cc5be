package dev.handlehygiene.demo;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The upstream service the HTTP endpoints call. The demo serves it itself so that it
 * needs no other process.
 * <p>
 * It answers {@code Connection: close}, so the server closes its end of the connection
 * after each response. A client that never closes its end is then left holding a socket
 * in {@code CLOSE_WAIT}: the signature of an unclosed response in production. The body is
 * small (512 bytes) on purpose, like most API answers; FACTS.md shows how the symptom
 * changes with a large body.
 */
@RestController
class UpstreamController {

	static final String PAYLOAD_PATH = "/upstream/payload";

	static final int PAYLOAD_SIZE = 512;

	private static final String PAYLOAD = buildPayload();

	@GetMapping(PAYLOAD_PATH)
	ResponseEntity<String> payload() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONNECTION, "close")
			.contentType(MediaType.TEXT_PLAIN)
			.body(PAYLOAD);
	}

	private static String buildPayload() {
		// ASCII only, so that characters and bytes agree
		String line = "handle-hygiene demo upstream payload\n";
		StringBuilder body = new StringBuilder(PAYLOAD_SIZE);
		while (body.length() < PAYLOAD_SIZE) {
			body.append(line);
		}
		body.setLength(PAYLOAD_SIZE);
		return body.toString();
	}

}
