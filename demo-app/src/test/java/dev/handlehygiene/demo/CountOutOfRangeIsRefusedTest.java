package dev.handlehygiene.demo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that takes a {@code count} refuses one outside 1 to 1000 before it opens
 * anything: a typo cannot exhaust the descriptor table in one request.
 */
class CountOutOfRangeIsRefusedTest extends DemoOnRandomPorts {

	@ParameterizedTest
	@ValueSource(strings = { "/leak/http", "/leak/http/dropped", "/ok/http", "/leak/file", "/ok/file",
			"/leak/client-per-call", "/leak/directory", "/leak/socket" })
	void aCountOutsideTheRangeIsABadRequest(String endpoint) {
		assertThat(this.demo.postStatus(endpoint + "?count=0")).isEqualTo(400);
		assertThat(this.demo.postStatus(endpoint + "?count=" + (RequestedCount.MAX + 1))).isEqualTo(400);
		assertThat(this.demo.postStatus(endpoint + "?count=-1")).isEqualTo(400);
	}

}
