package dev.handlehygiene.fd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

// The columns below are as a little-endian (x86-64, arm64) kernel prints them.
class ProcNetAddressTest {

	@Test
	void formatsAnIpv4Address() {
		assertThat(ProcNetAddress.format("0100007F:1F90")).isEqualTo("127.0.0.1:8080");
		assertThat(ProcNetAddress.format("0A01A8C0:01BB")).isEqualTo("192.168.1.10:443");
	}

	@Test
	void formatsAnIpv4MappedIpv6AddressAsIpv4() {
		assertThat(ProcNetAddress.format("0000000000000000FFFF00000100007F:1F91")).isEqualTo("127.0.0.1:8081");
	}

	@Test
	void formatsAnIpv6AddressInBrackets() {
		assertThat(ProcNetAddress.format("00000000000000000000000001000000:0016")).isEqualTo("[0:0:0:0:0:0:0:1]:22");
		assertThat(ProcNetAddress.format("B80D0120000000000000000001000000:0050"))
			.isEqualTo("[2001:db8:0:0:0:0:0:1]:80");
	}

	@Test
	void rejectsAColumnOfNeitherForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcNetAddress.format("0100007F"));
		assertThatIllegalArgumentException().isThrownBy(() -> ProcNetAddress.format("01007F:0050"));
	}

}
