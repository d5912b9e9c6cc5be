package dev.handlehygiene.it.httpclient5;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * Responses taken and deliberately left open, the way a leaking caller does: each keeps
 * its pooled connection leased until {@link #close()}, which tests call in a finally
 * block (try-with-resources) so no lease outlives a test.
 */
final class HeldResponses implements AutoCloseable {

	private final List<ClientHttpResponse> responses = new ArrayList<>();

	/**
	 * Takes {@code count} responses from {@code path} without reading or closing them.
	 * @return the HTTP status of each, to show every call got a connection
	 */
	List<Integer> take(RestClient client, String path, int count) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// close = false: the exchange hands the open response over instead of closing
			// it
			ClientHttpResponse response = client.get().uri(path).exchange((request, open) -> open, false);
			this.responses.add(response);
			statuses.add(status(response));
		}
		return statuses;
	}

	@Override
	public void close() {
		this.responses.forEach(ClientHttpResponse::close);
		this.responses.clear();
	}

	private static int status(ClientHttpResponse response) {
		try {
			return response.getStatusCode().value();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
