package dev.handlehygiene.demo;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /leak/http?count=N}: calls the upstream N times and never closes a
 * response. This is the bug the starter exists to catch, written the way it usually is:
 * the caller wanted the status only.
 * <p>
 * With {@code spring.http.clients.imperative.factory=simple} each unclosed response keeps
 * its socket open; the upstream has closed its end, so the socket sits in
 * {@code CLOSE_WAIT}, one per call, and {@code /actuator/fdleaks} shows them under
 * {@code tcp.states.CLOSE_WAIT} and {@code tcp.remotes}.
 */
@RestController
class LeakyHttpController {

	private final UpstreamClient upstream;

	private final HeldLeaks<ClientHttpResponse> heldResponses;

	LeakyHttpController(UpstreamClient upstream, HeldLeaks<ClientHttpResponse> heldResponses) {
		this.upstream = upstream;
		this.heldResponses = heldResponses;
	}

	@PostMapping("/leak/http")
	LeakOutcome leak(@RequestParam(defaultValue = "1") int count) throws IOException {
		RequestedCount.check(count);
		URI uri = this.upstream.payloadUri();
		int held = this.heldResponses.size();
		for (int i = 0; i < count; i++) {
			held = this.heldResponses.hold(callWithoutClosing(uri));
		}
		return new LeakOutcome(count, held, uri.toString());
	}

	/**
	 * {@code POST /leak/http/dropped?count=N}: the same calls, with the responses dropped
	 * instead of held. Nothing refers to them any more, so after the next garbage
	 * collection the starter reports them as leaked, at this method, and (with
	 * {@code close-leaked}, the default) closes them, releasing their sockets.
	 */
	@PostMapping("/leak/http/dropped")
	LeakOutcome drop(@RequestParam(defaultValue = "1") int count) throws IOException {
		RequestedCount.check(count);
		URI uri = this.upstream.payloadUri();
		for (int i = 0; i < count; i++) {
			callWithoutClosing(uri);
		}
		return new LeakOutcome(count, this.heldResponses.size(), uri.toString());
	}

	private ClientHttpResponse callWithoutClosing(URI uri) throws IOException {
		// close=false: RestClient hands the response over and leaves closing it to us,
		// and we never do
		ClientHttpResponse response = this.upstream.restClient()
			.get()
			.uri(uri)
			.exchange((request, exchanged) -> exchanged, false);
		HttpStatusCode status = response.getStatusCode();
		if (!status.is2xxSuccessful()) {
			response.close();
			throw new IllegalStateException("The upstream answered " + status);
		}
		return response;
	}

}
