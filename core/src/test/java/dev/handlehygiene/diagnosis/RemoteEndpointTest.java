package dev.handlehygiene.diagnosis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteEndpointTest {

	private static final RemoteEndpoint LOOPBACK = RemoteEndpoint.ofAddress("127.0.0.1:5432");

	@Test
	void readsTheAddressesTheTablesPrintAndTheRequestsTheTrackerDescribes() {
		assertThat(LOOPBACK).isEqualTo(new RemoteEndpoint("127.0.0.1", 5432));
		assertThat(RemoteEndpoint.ofAddress("[0:0:0:0:0:0:0:1]:443"))
			.isEqualTo(new RemoteEndpoint("0:0:0:0:0:0:0:1", 443));
		assertThat(RemoteEndpoint.ofRequest("GET 127.0.0.1:8081/orders/1"))
			.isEqualTo(new RemoteEndpoint("127.0.0.1", 8081));
		assertThat(RemoteEndpoint.ofRequest("POST [::1]:8081/")).isEqualTo(new RemoteEndpoint("::1", 8081));
		assertThat(RemoteEndpoint.ofRequest("GET example.com/no-port")).isNull();
		assertThat(RemoteEndpoint.ofAddress("no-port")).isNull();
	}

	@Test
	void anIpLiteralReachesOnlyItselfOnItsPort() {
		assertThat(new RemoteEndpoint("127.0.0.1", 5432).reaches(LOOPBACK)).isTrue();
		assertThat(new RemoteEndpoint("127.0.0.2", 5432).reaches(LOOPBACK)).isFalse();
		assertThat(new RemoteEndpoint("127.0.0.1", 5433).reaches(LOOPBACK)).isFalse();
		assertThat(new RemoteEndpoint("::1", 443).reaches(RemoteEndpoint.ofAddress("[0:0:0:0:0:0:0:1]:443"))).isTrue();
		assertThat(new RemoteEndpoint("::ffff:127.0.0.1", 5432).reaches(LOOPBACK)).as("IPv4-mapped").isTrue();
	}

	@Test
	void localhostReachesAnyLoopbackAddressAndAnotherNameAnyAddressOnItsPortWithoutALookup() {
		assertThat(new RemoteEndpoint("localhost", 5432).reaches(LOOPBACK)).isTrue();
		assertThat(new RemoteEndpoint("localhost", 5432).reaches(new RemoteEndpoint("10.0.0.1", 5432))).isFalse();
		assertThat(new RemoteEndpoint("db.invalid", 5432).reaches(new RemoteEndpoint("10.0.0.1", 5432))).isTrue();
		assertThat(new RemoteEndpoint("db.invalid", 5432).reaches(new RemoteEndpoint("10.0.0.1", 5433))).isFalse();
	}

}
