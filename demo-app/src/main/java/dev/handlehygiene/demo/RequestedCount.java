package dev.handlehygiene.demo;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Checks the {@code count} parameter of the demo's endpoints.
 */
final class RequestedCount {

	/**
	 * The most one call may do. A typo such as {@code count=100000} would otherwise
	 * exhaust the descriptor table in one request; repeated calls can still get there, on
	 * purpose.
	 */
	static final int MAX = 1000;

	private RequestedCount() {
	}

	static int check(int count) {
		if (count < 1 || count > MAX) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "count must be between 1 and " + MAX);
		}
		return count;
	}

}
