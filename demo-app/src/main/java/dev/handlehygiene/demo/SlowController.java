package dev.handlehygiene.demo;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /slow?millis=N}: answers after N milliseconds, like a request busy with a
 * slow upstream. A request in flight when the application shuts down shows whether the
 * shutdown is graceful: it completes instead of being cut.
 */
@RestController
class SlowController {

	/**
	 * Longer than Spring Boot's default shutdown phase timeout (30 s) would only test
	 * that timeout.
	 */
	static final long MAX_MILLIS = 30_000;

	@GetMapping("/slow")
	Slept slow(@RequestParam(defaultValue = "1000") long millis) throws InterruptedException {
		if (millis < 0 || millis > MAX_MILLIS) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "millis must be between 0 and " + MAX_MILLIS);
		}
		Thread.sleep(millis);
		return new Slept(millis);
	}

	/**
	 * What {@code /slow} did.
	 *
	 * @param millis how long it waited
	 */
	record Slept(long millis) {
	}

}
