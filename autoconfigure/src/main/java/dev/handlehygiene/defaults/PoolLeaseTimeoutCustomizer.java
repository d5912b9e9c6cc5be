package dev.handlehygiene.defaults;

import java.time.Duration;

import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Bounds how long a call waits to lease a connection from Apache HttpClient 5's pool. An
 * unclosed response keeps its lease, so once a route's few connections are all held,
 * later calls would otherwise wait HttpClient's default of 3 minutes each instead of
 * failing.
 */
public class PoolLeaseTimeoutCustomizer
		implements ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> {

	private final Duration leaseTimeout;

	public PoolLeaseTimeoutCustomizer(Duration leaseTimeout) {
		this.leaseTimeout = leaseTimeout;
	}

	/**
	 * The lease wait applied, for the audit.
	 * @return the timeout
	 */
	public Duration leaseTimeout() {
		return this.leaseTimeout;
	}

	@Override
	public HttpComponentsClientHttpRequestFactoryBuilder customize(
			HttpComponentsClientHttpRequestFactoryBuilder builder) {
		return builder.withDefaultRequestConfigCustomizer(
				(requestConfig) -> requestConfig.setConnectionRequestTimeout(Timeout.of(this.leaseTimeout)));
	}

}
