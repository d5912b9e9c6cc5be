package dev.handlehygiene.demo;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An endpoint that does no I/O: the cheap end of {@code benchmarks/whole-service.sh},
 * where anything the starter adds to a request would show.
 */
@RestController
class PingController {

	@GetMapping("/ok/ping")
	String ping() {
		return "pong";
	}

}
