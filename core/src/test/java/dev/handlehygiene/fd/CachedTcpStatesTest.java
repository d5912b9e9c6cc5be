package dev.handlehygiene.fd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CachedTcpStatesTest {

	private static final Duration INTERVAL = Duration.ofSeconds(10);

	@TempDir
	Path temp;

	private final AtomicLong nanos = new AtomicLong(1_000);

	private int reads;

	@Test
	void readsAtMostOncePerIntervalAndServesTheCacheBetween() throws IOException {
		ProcfsTree proc = new ProcfsTree(this.temp).link(3, "socket:[111]")
			.table("tcp", "0100007F:C350 0100007F:1F90 08 111");
		CachedTcpStates states = cached(proc.root());

		assertThat(states.current().count(TcpState.CLOSE_WAIT)).isEqualTo(1);
		int readsOfOneRefresh = this.reads;
		proc.link(4, "socket:[222]")
			.table("tcp", "0100007F:C350 0100007F:1F90 08 111", "0100007F:C351 0100007F:1F90 08 222");
		this.nanos.addAndGet(INTERVAL.toNanos() - 1);
		for (int i = 0; i < 13; i++) {
			assertThat(states.current().count(TcpState.CLOSE_WAIT)).isEqualTo(1);
		}
		assertThat(this.reads).isEqualTo(readsOfOneRefresh);
		this.nanos.addAndGet(1);
		assertThat(states.current().count(TcpState.CLOSE_WAIT)).isEqualTo(2);
		assertThat(states.current().count(TcpState.ESTABLISHED)).isZero();
	}

	@Test
	void aFailedRefreshKeepsTheLastCompleteCountsAndTheirAgeGrows() throws IOException {
		ProcfsTree proc = new ProcfsTree(this.temp).link(3, "socket:[111]")
			.table("tcp", "0100007F:C350 0100007F:1F90 08 111");
		CachedTcpStates states = cached(proc.root());
		assertThat(states.current().count(TcpState.CLOSE_WAIT)).isEqualTo(1);
		assertThat(states.ageSeconds()).isZero();

		// the listing can no longer be opened, as at the descriptor limit
		Files.delete(proc.fd().resolve("3"));
		Files.delete(proc.fd());
		this.nanos.addAndGet(INTERVAL.toNanos() * 3);

		assertThat(states.current().count(TcpState.CLOSE_WAIT)).isEqualTo(1);
		assertThat(states.ageSeconds()).isEqualTo(30.0);
	}

	@Test
	void aPartialReadingIsNotServed() throws IOException {
		ProcfsTree proc = new ProcfsTree(this.temp).link(3, "socket:[111]")
			.table("tcp", "0100007F:C350 0100007F:1F90 08 111")
			.unreadableTable("tcp6");
		CachedTcpStates states = cached(proc.root());
		assertThat(states.current()).isNull();
		assertThat(states.ageSeconds()).isNaN();
	}

	@Test
	void neverReadIsNullAndNaN() {
		CachedTcpStates states = cached(this.temp.resolve("no-proc"));
		assertThat(states.current()).isNull();
		assertThat(states.ageSeconds()).isNaN();
	}

	private CachedTcpStates cached(Path root) {
		return new CachedTcpStates(new FileDescriptorInventory(root, (path) -> this.reads++), INTERVAL,
				this.nanos::get);
	}

}
