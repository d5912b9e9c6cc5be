package dev.handlehygiene.it.httpclient5;

/**
 * What Spring Boot 4.1.1's {@code HttpComponentsHttpClientBuilder} leaves on the Apache
 * HttpClient 5 pool it builds for an auto-configured {@code RestClient}: it calls
 * {@code PoolingHttpClientConnectionManagerBuilder.create()
 * .useSystemProperties()} and sets no pool size, so the per-route limit is HttpClient's
 * default, 5 (the {@code http.maxConnections} system property, unset here, would change
 * it). The lease tests check this number too: all of the first {@value #MAX_PER_ROUTE}
 * calls get a connection and the next one has to wait.
 */
final class BootHttpClient5Pool {

	static final int MAX_PER_ROUTE = 5;

	private BootHttpClient5Pool() {
	}

}
