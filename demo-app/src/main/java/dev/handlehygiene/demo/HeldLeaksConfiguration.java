package dev.handlehygiene.demo;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpResponse;

/**
 * One {@link HeldLeaks} per kind of handle, so that each leaky endpoint reports its own
 * total. Spring tells them apart by their type argument.
 */
@Configuration(proxyBeanMethods = false)
class HeldLeaksConfiguration {

	@Bean
	HeldLeaks<ClientHttpResponse> heldResponses() {
		return new HeldLeaks<>();
	}

	@Bean
	HeldLeaks<InputStream> heldFileStreams() {
		return new HeldLeaks<>();
	}

	@Bean
	HeldLeaks<HttpClient> heldHttpClients() {
		return new HeldLeaks<>();
	}

	@Bean
	HeldLeaks<Stream<Path>> heldDirectoryListings() {
		return new HeldLeaks<>();
	}

	@Bean
	HeldLeaks<Socket> heldSockets() {
		return new HeldLeaks<>();
	}

	@Bean
	HeldLeaks<Connection> heldConnections() {
		return new HeldLeaks<>();
	}

}
