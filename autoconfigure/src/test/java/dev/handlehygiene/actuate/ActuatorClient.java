package dev.handlehygiene.actuate;

/**
 * The shared actuator client ({@link dev.handlehygiene.it.support.ActuatorClient}, in
 * {@code integration-tests/support}) under the name the tests of this package use.
 */
final class ActuatorClient extends dev.handlehygiene.it.support.ActuatorClient {

	ActuatorClient(int port) {
		super(port);
	}

	ActuatorClient(int port, java.net.http.HttpClient http) {
		super(port, http);
	}

}
