package dev.handlehygiene.restart;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.handlehygiene.actuate.FileDescriptorsHealthIndicator;
import dev.handlehygiene.actuate.GrowingDirectory;
import dev.handlehygiene.fd.FileDescriptorSnapshot;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The streak and the exit against real indicators of this process: one whose critical
 * share is so low that this JVM's few open descriptors exceed it (DOWN), one whose share
 * it cannot reach (UP), and one whose probe reads a directory that does not exist
 * (UNKNOWN). The clock and the exit are the test's.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExitOnCriticalTest {

	private static final Duration GRACE = Duration.ofSeconds(30);

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private static final HealthIndicator DOWN = new FileDescriptorsHealthIndicator(new FileDescriptorProbe(),
			new UsageThresholds(0.000001, 0.000002));

	private static final HealthIndicator UP = new FileDescriptorsHealthIndicator(new FileDescriptorProbe(),
			new UsageThresholds(0.99, 1.0));

	private static final HealthIndicator UNKNOWN = new FileDescriptorsHealthIndicator(
			new FileDescriptorProbe(Path.of("/no/such/proc")), new UsageThresholds(0.7, 0.9));

	private final AtomicReference<HealthIndicator> indicator = new AtomicReference<>(UP);

	private final AtomicLong nanos = new AtomicLong();

	private final List<Object> published = new CopyOnWriteArrayList<>();

	private final List<Integer> exits = new CopyOnWriteArrayList<>();

	private ExitOnCritical exitOnCritical = watch(() -> new FileDescriptorInventory().take(20));

	@Test
	void exitsWithCode75OnceDownHasLastedTheGracePeriod() {
		this.indicator.set(DOWN);
		checkAt(0);
		checkAt(29);
		assertThat(this.exits).isEmpty();
		checkAt(30);
		assertThat(this.exits).containsExactly(75);
		assertThat(this.exitOnCritical.isExiting()).isTrue();
	}

	@Test
	void publishesLivenessBrokenBeforeExiting() {
		this.indicator.set(DOWN);
		checkAt(0);
		checkAt(30);
		assertThat(this.published).singleElement()
			.isInstanceOfSatisfying(AvailabilityChangeEvent.class,
					(event) -> assertThat(event.getState()).isEqualTo(LivenessState.BROKEN));
	}

	@Test
	void anUpInTheMiddleStartsTheGracePeriodAgain() {
		this.indicator.set(DOWN);
		checkAt(0);
		checkAt(29);
		this.indicator.set(UP);
		checkAt(30);
		this.indicator.set(DOWN);
		checkAt(31);
		checkAt(60);
		assertThat(this.exits).isEmpty();
		checkAt(61);
		assertThat(this.exits).containsExactly(75);
	}

	@Test
	void anUnknownInTheMiddleStartsTheGracePeriodAgain() {
		this.indicator.set(DOWN);
		checkAt(0);
		this.indicator.set(UNKNOWN);
		checkAt(15);
		this.indicator.set(DOWN);
		checkAt(16);
		checkAt(45);
		assertThat(this.exits).isEmpty();
		checkAt(46);
		assertThat(this.exits).containsExactly(75);
	}

	@Test
	void neverExitsWhileUp() {
		for (int second = 0; second <= 120; second++) {
			checkAt(second);
		}
		assertThat(this.exits).isEmpty();
		assertThat(this.published).isEmpty();
	}

	@Test
	void exitsOnceOnly() {
		this.indicator.set(DOWN);
		for (int second = 0; second <= 120; second++) {
			checkAt(second);
		}
		assertThat(this.exits).containsExactly(75);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void aFailingIndicatorNeitherThrowsNorStopsTheWatch(CapturedOutput output) {
		this.indicator.set(() -> {
			throw new IllegalStateException("indicator broke");
		});
		assertThatNoException().isThrownBy(() -> checkAt(0));
		assertThat(output).contains("indicator broke");
		this.indicator.set(DOWN);
		checkAt(1);
		checkAt(31);
		assertThat(this.exits).containsExactly(75);
	}

	@Test
	void exitsEvenWhenTheEvidenceCannotBeGathered() {
		this.exitOnCritical = watch(() -> {
			throw new IllegalStateException("no inventory");
		});
		this.indicator.set(DOWN);
		checkAt(0);
		checkAt(30);
		assertThat(this.exits).containsExactly(75);
	}

	@Test
	void exitsEvenWhenGatheringTheEvidenceFailsWithAnError() {
		// at the limit, loading a class from a directory on the classpath fails: an
		// Error, not an exception
		this.exitOnCritical = watch(() -> {
			throw new NoClassDefFoundError("dev/handlehygiene/fd/RemoteCount");
		});
		this.indicator.set(DOWN);
		checkAt(0);
		checkAt(30);
		assertThat(this.exits).containsExactly(75);
	}

	@Test
	void aFailingExitDoesNotEscapeTheWatchNorRepeat() {
		List<Integer> attempts = new CopyOnWriteArrayList<>();
		this.exitOnCritical = new ExitOnCritical(() -> this.indicator.get().health(true), GRACE,
				() -> new FileDescriptorInventory().take(20), this.published::add, (code) -> {
					attempts.add(code);
					throw new IllegalStateException("cannot exit");
				}, this.nanos::get);
		this.indicator.set(DOWN);
		checkAt(0);
		assertThatNoException().isThrownBy(() -> checkAt(30));
		checkAt(31);
		assertThat(attempts).containsExactly(75);
	}

	@Test
	void logsOneErrorLineWithCountLimitUsageAndTheCloseWaitRemotes(CapturedOutput output) throws IOException {
		int port;
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
			// the server closes its end at once; the client keeps its own open:
			// CLOSE_WAIT, like an unclosed response
			server.accept().close();
			awaitEndOfStream(client);
			port = server.getLocalPort();
			this.indicator.set(DOWN);
			checkAt(0);
			checkAt(30);
		}
		assertThat(errorLine(output)).contains("File descriptors DOWN for 30.0s", "open=", "limit=", "usage=",
				"CLOSE_WAIT remotes: ", "127.0.0.1:" + port + " x1", "LivenessState.BROKEN", "exiting with code 75");
		assertThat(output).contains("File descriptor health is DOWN")
			.contains("will exit with code 75 if it stays DOWN for 30.0s");
	}

	@Test
	void withADiagnosticianTheErrorLineNamesWhatGrew(@TempDir Path directory, CapturedOutput output)
			throws IOException {
		try (GrowingDirectory leak = new GrowingDirectory(directory).grow(20)) {
			this.exitOnCritical = new ExitOnCritical(() -> this.indicator.get().health(true), GRACE,
					() -> new FileDescriptorInventory().take(20), leak.diagnostician(), this.published::add,
					this.exits::add, this.nanos::get);
			this.indicator.set(DOWN);
			checkAt(0);
			checkAt(30);
			assertThat(errorLine(output)).contains("File descriptors DOWN for 30.0s", "open=", "CLOSE_WAIT remotes: ",
					"File descriptors growing over the last PT10M", leak.path() + " (files-under) +20",
					"files under this directory opened and not closed", "exiting with code 75");
			assertThat(this.exits).containsExactly(75);
		}
	}

	/** The one ERROR line logged. */
	private static String errorLine(CapturedOutput output) {
		List<String> errors = output.getOut().lines().filter((line) -> line.contains("ERROR")).toList();
		assertThat(errors).hasSize(1);
		return errors.get(0);
	}

	private ExitOnCritical watch(Supplier<FileDescriptorSnapshot> inventory) {
		return new ExitOnCritical(() -> this.indicator.get().health(true), GRACE, inventory, this.published::add,
				this.exits::add, this.nanos::get);
	}

	private void checkAt(long second) {
		this.nanos.set(second * SECOND);
		this.exitOnCritical.check();
	}

	private static void awaitEndOfStream(Socket client) throws IOException {
		// reading end-of-stream proves the peer's FIN has arrived, so the socket is in
		// CLOSE_WAIT now
		// (the stream is not closed here: closing it would close the socket, which the
		// caller's try owns)
		client.setSoTimeout(10_000);
		InputStream in = client.getInputStream();
		assertThat(in.read()).isEqualTo(-1);
	}

}
