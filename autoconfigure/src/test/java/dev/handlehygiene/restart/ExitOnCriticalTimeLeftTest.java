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
	void exitsAtOnceWhenTheLimitComesBeforeTheGracePeriodWouldEnd(CapturedOutput output) {
		// 9 a second, 844 open: 20 s left, sooner than the 30 s of grace
		leakUntil(844);
		checkAt(0);
		assertThat(this.exits).containsExactly(75);
		assertThat(errorLine(output))
			.contains("File descriptors DOWN for 0.0s, and at the recent rate the limit is 20.0s away, "
					+ "sooner than the grace period (handle-hygiene.restart.grace, 30.0s) would end")
			.contains("rule=imminent", "timeToLimit=PT20S")
			.contains("exit rule time-to-limit");
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
		assertThat(errorLine(output)).contains(": File descriptors DOWN for 30.0s (handle-hygiene.restart.grace): ")
			.contains("exit rule grace");
	}

	@Test
	void exitsAtOnceWithinTheReserveEvenWhileUp(CapturedOutput output) {
		this.indicator.set(() -> Health.up().withDetail("open", 992L).withDetail("limit", LIMIT).build());
		checkAt(0);
		assertThat(this.exits).containsExactly(75);
		assertThat(errorLine(output))
			.contains("File descriptors at 992 of the limit of 1024, within the 32 kept free for a graceful shutdown")
			.contains("exit rule reserve");
	}

	@Test
	void oneBelowTheReserveIsNoReasonToExit() {
		this.indicator.set(() -> Health.up().withDetail("open", 991L).withDetail("limit", LIMIT).build());
		checkAt(0);
		assertThat(this.exits).isEmpty();
	}

	@Test
	void theReserveGrowsWithTheLimit() {
		assertThat(new LimitReading(0, 1024, null).reserve()).isEqualTo(32);
		assertThat(new LimitReading(0, 65_536, null).reserve()).isEqualTo(2048);
		assertThat(new LimitReading(0, 256, null).reserve()).isEqualTo(32);
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
