package dev.handlehygiene.restart;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.handlehygiene.actuate.FileDescriptorsHealthIndicator;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.UsageThresholds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two rules that cut the grace period short: the limit, at the recent rate, comes
 * before the grace would end; and the count reaches the soft limit minus the reserve. The
 * indicator is real, with the recent rate fed as readings of a leak under a limit of
 * 1024; the clock and the exit are the test's.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExitOnCriticalTimeLeftTest {

	private static final Duration GRACE = Duration.ofSeconds(30);

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private static final long LIMIT = 1024;

	private final FileDescriptorSampler sampler = new FileDescriptorSampler(new FileDescriptorProbe(),
			Duration.ofSeconds(10), Duration.ofMinutes(10), () -> 0);

	private final AtomicReference<HealthIndicator> indicator = new AtomicReference<>(new FileDescriptorsHealthIndicator(
			new FileDescriptorProbe(), new UsageThresholds(0.99, 1.0), this.sampler, Duration.ofMinutes(15)));

	private final AtomicLong nanos = new AtomicLong();

	private final List<Integer> exits = new CopyOnWriteArrayList<>();

	private final ExitOnCritical exitOnCritical = new ExitOnCritical(() -> this.indicator.get().health(true), GRACE,
			() -> new FileDescriptorInventory().take(20), (event) -> {
			}, this.exits::add, this.nanos::get);

	@Test
	void exitsOnTheSecondCheckThatFindsTheLimitTooNearToWaitOutTheGrace(CapturedOutput output) {
		// 9 a second, 844 open: 20 s left, less 10 s for the shutdown to begin, is
		// sooner than the 30 s of grace
		leakUntil(844);
		checkAt(0);
		assertThat(this.exits).as("one check cannot cut the grace short").isEmpty();
		checkAt(1);
		assertThat(this.exits).containsExactly(75);
		assertThat(errorLine(output))
			.contains("File descriptors DOWN for 1.0s, and at the recent rate the limit is 20.0s away: "
					+ "too near to wait out the grace period (handle-hygiene.restart.grace, 30.0s) and still shut down "
					+ "gracefully")
			.contains("rule=imminent", "timeToLimit=PT20S")
			.contains("exit rule time-to-limit");
	}

	@Test
	void aLimitJustBeyondTheGraceLeavesTimeForTheShutdown() {
		// 9 a second, 484 open: 60 s left, with a 55 s grace: waiting it out would leave
		// 5 s to shut down in
		ExitOnCritical longGrace = new ExitOnCritical(() -> this.indicator.get().health(true), Duration.ofSeconds(55),
				() -> new FileDescriptorInventory().take(20), (event) -> {
				}, this.exits::add, this.nanos::get);
		leakUntil(484);
		this.nanos.set(0);
		longGrace.check();
		this.nanos.set(SECOND);
		longGrace.check();
		assertThat(this.exits).containsExactly(75);
	}

	@Test
	void waitsWhileTheLimitIsFurtherAwayThanTheGraceLeftThenExitsWhenItIsNot(CapturedOutput output) {
		// 9 a second, 574 open: 50 s left
		leakUntil(574);
		checkAt(0);
		checkAt(19);
		assertThat(this.exits).isEmpty();
		// 10 s of the same leak later: 40 s left, with 10 s of grace to go
		leakUntil(664);
		checkAt(20);
		assertThat(this.exits).isEmpty();
		leakUntil(754);
		// 30 s left at 29 s DOWN: the grace ends first, by a second
		checkAt(29);
		assertThat(this.exits).isEmpty();
		checkAt(30);
		assertThat(this.exits).containsExactly(75);
		assertThat(errorLine(output)).contains("File descriptors DOWN for 30.0s (handle-hygiene.restart.grace): ")
			.contains("exit rule grace");
	}

	@Test
	void exitsAtOnceWhenDownWithinTheReserve(CapturedOutput output) {
		this.indicator.set(() -> Health.down().withDetail("open", 992L).withDetail("limit", LIMIT).build());
		checkAt(0);
		assertThat(this.exits).containsExactly(75);
		assertThat(errorLine(output))
			.contains("File descriptors at 992 of the limit of 1024, within the 32 kept free for a graceful shutdown")
			.contains("exit rule reserve");
	}

	@Test
	void oneBelowTheReserveIsNoReasonToExit() {
		this.indicator.set(() -> Health.down().withDetail("open", 991L).withDetail("limit", LIMIT).build());
		checkAt(0);
		assertThat(this.exits).isEmpty();
	}

	@Test
	void withinTheReserveWhileUpIsNoReasonToExit() {
		// a critical-usage above the reserve's share: the user's threshold decides
		this.indicator.set(() -> Health.up().withDetail("open", 1000L).withDetail("limit", LIMIT).build());
		checkAt(0);
		assertThat(this.exits).isEmpty();
	}

	@Test
	void theReserveGrowsWithTheLimit() {
		assertThat(new LimitReading(0, 1024, null).reserve()).isEqualTo(32);
		assertThat(new LimitReading(0, 65_536, null).reserve()).isEqualTo(2048);
		// at most a tenth of a small limit, so that it never comes before the default
		// critical share
		assertThat(new LimitReading(0, 256, null).reserve()).isEqualTo(25);
		assertThat(new LimitReading(0, 32, null).reserve()).isEqualTo(3);
	}

	/** Feeds six readings a second apart, rising 9 a second, the last at {@code open}. */
	private void leakUntil(long open) {
		long start = this.lastMillis + 1000;
		for (int i = 0; i < 6; i++) {
			this.sampler.record(start + i * 1000L, open - 9L * (5 - i), LIMIT);
		}
		this.lastMillis = start + 5000;
	}

	private long lastMillis;

	private static String errorLine(CapturedOutput output) {
		List<String> errors = output.getOut().lines().filter((line) -> line.contains("ERROR")).toList();
		assertThat(errors).hasSize(1);
		return errors.get(0);
	}

	private void checkAt(long second) {
		this.nanos.set(second * SECOND);
		this.exitOnCritical.check();
	}

}
