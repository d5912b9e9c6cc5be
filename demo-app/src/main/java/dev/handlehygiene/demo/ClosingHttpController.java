package dev.handlehygiene.demo;

import java.net.URI;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ok/http?count=N}: the same N calls as {@link LeakyHttpController}, done
 * right. {@code retrieve()} reads the body and closes the response, which releases the
 * socket, so nothing is left in {@code CLOSE_WAIT}.
 * <p>
 * A caller that needs the status only can use {@code retrieve().toBodilessEntity()}, or
 * {@code exchange} with its default {@code close=true}; one that keeps the raw response
 * must close it, in a try-with-resources.
 */
@RestController
class ClosingHttpController {

	private final UpstreamClient upstream;

	ClosingHttpController(UpstreamClient upstream) {
		this.upstream = upstream;
	}

	@PostMapping("/ok/http")
	ClosedOutcome call(@RequestParam(defaultValue = "1") int count) {
		RequestedCount.check(count);
		URI uri = this.upstream.payloadUri();
		for (int i = 0; i < count; i++) {
			String body = this.upstream.restClient().get().uri(uri).retrieve().body(String.class);
			if (body == null || body.isEmpty()) {
				throw new IllegalStateException("The upstream answered with no body");
			}
		}
		return new ClosedOutcome(count, uri.toString());
	}

}
