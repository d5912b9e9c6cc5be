package dev.handlehygiene.leak;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CaptureBudgetTest {

	private final AtomicLong clock = new AtomicLong(1_000_000_000L);

	@Test
	void aBurstIsAllowedInFullFromTheReserve() {
		CaptureBudget budget = new CaptureBudget(0.01, 300_000, this.clock::get);
		int allowed = 0;
		// 30 recordings of 10 µs, all at one instant: 300 µs, exactly the reserve
		for (int i = 0; i < 30; i++) {
			if (budget.allows()) {
				allowed++;
				budget.spent(10_000);
			}
		}
		assertThat(allowed).isEqualTo(30);
		assertThat(budget.allows()).as("the reserve is spent").isFalse();
	}

	@Test
	void timeRefillsTheShareOfOneCpuAndNoMoreThanTheReserve() {
		CaptureBudget budget = new CaptureBudget(0.01, 300_000, this.clock::get);
		budget.spent(300_000);
		assertThat(budget.allows()).isFalse();
		// 1 % of 10 ms is 100 µs: ten recordings of 10 µs
		this.clock.addAndGet(Duration.ofMillis(10).toNanos());
		int allowed = 0;
		while (budget.allows()) {
			allowed++;
			budget.spent(10_000);
		}
		assertThat(allowed).isEqualTo(10);
		// an hour idle saves up no more than the reserve
		this.clock.addAndGet(Duration.ofHours(1).toNanos());
		allowed = 0;
		while (budget.allows()) {
			allowed++;
			budget.spent(10_000);
		}
		assertThat(allowed).isEqualTo(30);
	}

	@Test
	void aShareOfOneIsNoLimit() {
		CaptureBudget budget = new CaptureBudget(1.0, 1, this.clock::get);
		budget.spent(Long.MAX_VALUE / 2);
		assertThat(budget.allows()).isTrue();
		assertThat(CaptureBudget.UNLIMITED.allows()).isTrue();
	}

	@Test
	void rejectsAShareOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CaptureBudget(0, 1, this.clock::get));
		assertThatIllegalArgumentException().isThrownBy(() -> new CaptureBudget(Double.NaN, 1, this.clock::get));
		assertThatIllegalArgumentException().isThrownBy(() -> new CaptureBudget(0.5, 0, this.clock::get));
	}

	@Test
	void aTrackerOverItsBudgetCountsWithoutASite() {
		CaptureBudget budget = new CaptureBudget(0.01, 1, this.clock::get);
		LeakTracker tracker = new LeakTracker("test", new LeakTrackerSettings(1.0, Duration.ofMillis(1), false, 10),
				new CallSites(FrameworkFrames.PREFIXES, 8), budget);
		Object first = new Object();
		Object second = new Object();
		Tracked recorded = tracker.track(first, null, "first");
		budget.spent(1_000_000);
		Tracked unrecorded = tracker.track(second, null, "second");
		assertThat(recorded.stack(new CallSites(FrameworkFrames.PREFIXES, 8))).isNotEmpty();
		assertThat(unrecorded.stack(new CallSites(FrameworkFrames.PREFIXES, 8))).isEmpty();
		assertThat(tracker.tracked()).isEqualTo(2);
		assertThat(first).isNotSameAs(second);
	}

}
