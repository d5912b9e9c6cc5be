package dev.handlehygiene.it.boot40;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot 4.0 web application that adds the starter, with an upstream to call
 * through {@code RestClient}.
 */
@SpringBootApplication
@RestController
public class Boot40Application {

	@GetMapping("/upstream")
	ResponseEntity<String> upstream() {
		return ResponseEntity.ok().header(HttpHeaders.CONNECTION, "close").body("x".repeat(512));
	}

}
