package dev.handlehygiene.it.httpclient5;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A servlet application that is its own upstream: its auto-configured
 * {@code RestClient.Builder} uses Apache HttpClient 5 (on the classpath) to call
 * {@link #LARGE_PATH} on this same server.
 */
@SpringBootApplication
public class HttpClient5TestApplication {

	static final String LARGE_PATH = "/large";

	/**
	 * Far more than loopback socket buffers absorb, so the server is still writing while
	 * a client holds the response unread, as with a real upstream; the connection cannot
	 * go back to the pool until the response is closed.
	 */
	static final int LARGE_BODY_BYTES = 4 * 1024 * 1024;

	@RestController
	static class LargeBodyUpstream {

		private final byte[] body = new byte[LARGE_BODY_BYTES];

		LargeBodyUpstream() {
			Arrays.fill(this.body, (byte) 'x');
		}

		@GetMapping(path = LARGE_PATH, produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
		byte[] large() {
			return this.body;
		}

	}

}
