package dev.handlehygiene.restart;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.restart.DownStreak.Change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DownStreakTest {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private final DownStreak streak = new DownStreak(Duration.ofSeconds(30));

	@Test
	void reachesTheGracePeriodAfterUninterruptedDown() {
		assertThat(this.streak.observe(true, 0)).isEqualTo(Change.STARTED);
		assertThat(this.streak.observe(true, 10 * SECOND)).isEqualTo(Change.WITHIN_GRACE);
		assertThat(this.streak.observe(true, 30 * SECOND - 1)).isEqualTo(Change.WITHIN_GRACE);
		assertThat(this.streak.observe(true, 30 * SECOND)).isEqualTo(Change.GRACE_ELAPSED);
		assertThat(this.streak.observe(true, 31 * SECOND)).isEqualTo(Change.GRACE_ELAPSED);
		assertThat(this.streak.downFor(31 * SECOND)).isEqualTo(Duration.ofSeconds(31));
	}

	@Test
	void anyOtherStatusEndsTheStreakAndTheNextDownStartsAFreshOne() {
		this.streak.observe(true, 0);
		this.streak.observe(true, 29 * SECOND);
		assertThat(this.streak.observe(false, 29 * SECOND + 1)).isEqualTo(Change.RECOVERED);
		assertThat(this.streak.downFor(30 * SECOND)).isEqualTo(Duration.ZERO);
		assertThat(this.streak.observe(true, 30 * SECOND)).isEqualTo(Change.STARTED);
		assertThat(this.streak.observe(true, 59 * SECOND)).isEqualTo(Change.WITHIN_GRACE);
		assertThat(this.streak.observe(true, 60 * SECOND)).isEqualTo(Change.GRACE_ELAPSED);
	}

	@Test
	void neverDownIsNotDown() {
		assertThat(this.streak.observe(false, 0)).isEqualTo(Change.NOT_DOWN);
		assertThat(this.streak.observe(false, 100 * SECOND)).isEqualTo(Change.NOT_DOWN);
	}

	@Test
	void measuresAcrossTheWrapOfTheNanosecondClock() {
		long start = Long.MAX_VALUE - SECOND;
		this.streak.observe(true, start);
		assertThat(this.streak.observe(true, start + 29 * SECOND)).isEqualTo(Change.WITHIN_GRACE);
		assertThat(this.streak.observe(true, start + 30 * SECOND)).isEqualTo(Change.GRACE_ELAPSED);
	}

	@Test
	void rejectsAGracePeriodThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DownStreak(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new DownStreak(Duration.ofSeconds(-1)));
	}

}
