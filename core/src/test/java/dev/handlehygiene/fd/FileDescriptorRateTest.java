package dev.handlehygiene.fd;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The recent rate and the sampling pace on synthetic series, fed to the sampler as if
 * read every second (the fast interval) at the defaults (10 s interval, 10-minute
 * window), against a limit of 1024: a leak is steady within seconds, a burst or a
 * saw-tooth of bursts never is.
 */
class FileDescriptorRateTest {

	private static final Duration INTERVAL = Duration.ofSeconds(10);

	private static final Duration WINDOW = Duration.ofMinutes(10);

	private static final Duration LEAD = Duration.ofSeconds(60);

	private static final long LIMIT = 1024;

	private final FileDescriptorSampler sampler = new FileDescriptorSampler(new FileDescriptorProbe(), INTERVAL, WINDOW,
			() -> {
				throw new AssertionError("series are recorded with their own times");
			});

	@Test
	void aLeakOfNineASecondIsSteadyAfterFiveRisingSecondsWithTheTimeToTheLimit() {
		feed(0, 5, (second) -> 200 + 9 * second);
		assertThat(this.sampler.rate().steady()).as("five samples, four rises").isFalse();
		feed(5, 6, (second) -> 200 + 9 * second);

		FileDescriptorRate rate = this.sampler.rate();
		assertThat(rate.steady()).isTrue();
		assertThat(rate.perSecond()).isCloseTo(9.0, within(0.01));
		// 290 open: 734 left at 9 a second
		assertThat(rate.timeToLimit().toMillis()).isCloseTo(Math.round(734 / 9.0 * 1000), within(10L));
		assertThat(rate.reachesLimitWithin(LEAD)).isFalse();
	}

	@Test
	void aLeakOfNineASecondReachesTheRestartLeadWithMoreThanAMinuteToGoInItsFirstSeconds() {
		// from 200, at 9 a second, the limit is 91 s away; the lead is met once 60 s are
		// left
		int firstImminent = -1;
		for (int second = 0; second < 92 && firstImminent < 0; second++) {
			this.sampler.record(second * 1000L, 200 + 9L * second, LIMIT);
			if (this.sampler.rate().reachesLimitWithin(LEAD)) {
				firstImminent = second;
			}
		}
		assertThat(firstImminent).isBetween(30, 32);
	}

	@Test
	void aBurstHeldAndReleasedIsNeverSteady() {
		// 400 opened at once, from 260 to 660 (about 65 %), held 4 s, released
		LongUnaryOperator burst = (second) -> (second >= 5 && second < 9) ? 660 : 260;
		for (int second = 0; second < 20; second++) {
			this.sampler.record(second * 1000L, burst.applyAsLong(second), LIMIT);
			assertThat(this.sampler.rate().steady()).as("second %d", second).isFalse();
		}
	}

	@Test
	void aBurstOpenedOverThreeSecondsAndHeldIsNeverSteadyThoughALineFitsIt() {
		// 400 opened in three steps a second apart, then held: a line explains 0.86 of
		// it, so only the count of rising intervals tells it from a leak
		LongUnaryOperator ramp = (second) -> 260 + Math.min(3, Math.max(0, second - 4)) * 400 / 3;
		for (int second = 0; second < 20; second++) {
			this.sampler.record(second * 1000L, ramp.applyAsLong(second), LIMIT);
			assertThat(this.sampler.rate().steady()).as("second %d", second).isFalse();
		}
	}

	@Test
	void aSawToothOfBurstsOpenedOverASecondIsNeverSteadyWhateverItsPhase() {
		// each tooth opens 400 in four steps of 250 ms, holds 2 s, closes, waits 2 s;
		// read
		// once a second, at eight phases 125 ms apart, the sampler sees rises in at most
		// two intervals of five
		for (long phase = 0; phase < 1000; phase += 125) {
			FileDescriptorSampler sawTooth = new FileDescriptorSampler(new FileDescriptorProbe(), INTERVAL, WINDOW,
					() -> 0);
			for (long millis = phase; millis < 60_000; millis += 1000) {
				long inTooth = millis % 5000;
				long open = (inTooth < 1000) ? 260 + 100 * (inTooth / 250 + 1) : (inTooth < 3000) ? 660 : 260;
				sawTooth.record(millis, open, LIMIT);
				assertThat(sawTooth.rate().steady()).as("phase %d ms, at %d ms", phase, millis).isFalse();
			}
		}
	}

	@Test
	void aSawToothWhoseTeethRiseForSeveralSamplesFitsNoLine() {
		// up 200 a second for two seconds, down at once: rises in four of five intervals
		long[] teeth = { 0, 200, 400, 0, 200, 400 };
		for (int second = 0; second < teeth.length; second++) {
			this.sampler.record(second * 1000L, 260 + teeth[second], LIMIT);
		}
		assertThat(this.sampler.rate().steady()).isFalse();
	}

	@Test
	void oneFlatSecondAmongRisingOnesKeepsTheRateSteady() {
		long[] counts = { 300, 310, 320, 320, 330, 340 };
		for (int second = 0; second < counts.length; second++) {
			this.sampler.record(second * 1000L, counts[second], LIMIT);
		}
		assertThat(this.sampler.rate().steady()).isTrue();
	}

	@Test
	void anUnknownLimitGivesARateButNoTimeToTheLimit() {
		feed(0, 6, (second) -> 200 + 9 * second, FileDescriptorProbe.UNKNOWN);
		assertThat(this.sampler.rate().steady()).isTrue();
		assertThat(this.sampler.rate().timeToLimit()).isNull();
	}

	@Test
	void samplesFastWhileTheCountRisesOrIsAtTheWarningShareAndSlowOnceItSettles() {
		FileDescriptorSampler paced = new FileDescriptorSampler(new FileDescriptorProbe(), INTERVAL, WINDOW, () -> 0,
				new FileDescriptorInventory(), new UsageThresholds(0.7, 0.9), FileDescriptorCensus.DEFAULT_MAX_GROUPS);
		paced.record(0, 300, LIMIT);
		assertThat(paced.isSamplingFast()).as("a first reading").isFalse();
		paced.record(10_000, 300, LIMIT);
		assertThat(paced.isSamplingFast()).as("flat").isFalse();
		paced.record(20_000, 310, LIMIT);
		assertThat(paced.isSamplingFast()).as("risen").isTrue();
		for (long millis = 21_000; millis < 25_000; millis += 1000) {
			paced.record(millis, 310, LIMIT);
			assertThat(paced.isSamplingFast()).as("a rise among the recent samples, at %d ms", millis).isTrue();
		}
		paced.record(25_000, 310, LIMIT);
		assertThat(paced.isSamplingFast()).as("five flat intervals since the rise").isFalse();
		paced.record(36_000, 717, LIMIT);
		paced.record(46_000, 717, LIMIT);
		paced.record(56_000, 717, LIMIT);
		paced.record(66_000, 717, LIMIT);
		paced.record(76_000, 717, LIMIT);
		paced.record(86_000, 717, LIMIT);
		assertThat(paced.isSamplingFast()).as("flat, but at the warning share").isTrue();
	}

	@Test
	void theTrendKeepsOneSamplePerIntervalWhileReadingsComeEverySecond() {
		feed(0, 60, (second) -> 200 + second);
		// 0, 10, ..., 50 s: the window keeps its meaning however fast the readings came
		assertThat(this.sampler.trend().samples()).isEqualTo(6);
		assertThat(this.sampler.rate().samples()).isEqualTo(FileDescriptorRate.SAMPLES);
	}

	@Test
	void readingsOfferedEverySecondMakeTheRateBetweenTheSamplersOwnReadings() {
		AtomicLong clock = new AtomicLong();
		FileDescriptorSampler offered = new FileDescriptorSampler(new FileDescriptorProbe(), INTERVAL, WINDOW,
				clock::get);
		offered.record(0, 200, LIMIT);
		for (int second = 1; second <= 5; second++) {
			clock.set(second * 1000L);
			offered.offer(200 + 9L * second, LIMIT);
			// a second reading within the same second does not crowd the rate
			clock.set(second * 1000L + 100);
			offered.offer(200 + 9L * second + 1, LIMIT);
		}
		assertThat(offered.rate().steady()).isTrue();
		assertThat(offered.rate().perSecond()).isCloseTo(9.0, within(0.01));
		assertThat(offered.isSamplingFast()).isTrue();
		assertThat(offered.trend().samples()).as("the trend keeps the schedule's samples only").isEqualTo(1);
	}

	@Test
	void theMostUrgentRuleIsNamed() {
		FileDescriptorUsage critical = new FileDescriptorUsage(930, LIMIT, 930.0 / LIMIT, UsageLevel.CRITICAL,
				CountMethod.PROCFS_STAT, null);
		FileDescriptorUsage warning = new FileDescriptorUsage(720, LIMIT, 720.0 / LIMIT, UsageLevel.WARNING,
				CountMethod.PROCFS_STAT, null);
		FileDescriptorRate imminent = new FileDescriptorRate(6, 9.0, true, Duration.ofSeconds(34));
		FileDescriptorRate burst = new FileDescriptorRate(6, 80.0, false, null);
		FileDescriptorTrend projected = new FileDescriptorTrend(WINDOW, 40, 60.0, 0.99, Duration.ofMinutes(5));
		Duration horizon = Duration.ofMinutes(15);

		assertThat(ExhaustionRule.judge(critical, projected, imminent, horizon, LEAD, null))
			.isEqualTo(ExhaustionRule.CRITICAL);
		assertThat(ExhaustionRule.judge(warning, projected, imminent, horizon, LEAD, null))
			.isEqualTo(ExhaustionRule.IMMINENT);
		assertThat(ExhaustionRule.judge(warning, projected, burst, horizon, LEAD, null))
			.isEqualTo(ExhaustionRule.PROJECTED);
		assertThat(ExhaustionRule.judge(warning, null, burst, horizon, LEAD, null)).isNull();
		assertThat(ExhaustionRule.judge(warning, null, imminent, horizon, Duration.ofSeconds(30), null)).isNull();
	}

	@Test
	void anImminentReadingHoldsWhileTheLimitWaversAroundTheLeadAndLetsGoWhenTheLeakSlows() {
		FileDescriptorUsage ok = new FileDescriptorUsage(500, LIMIT, 500.0 / LIMIT, UsageLevel.OK,
				CountMethod.PROCFS_STAT, null);
		Duration horizon = Duration.ofMinutes(15);
		FileDescriptorRate wavering = new FileDescriptorRate(6, 8.7, true, Duration.ofSeconds(62));
		FileDescriptorRate slowed = new FileDescriptorRate(6, 5.0, true, Duration.ofSeconds(104));
		FileDescriptorRate stopped = new FileDescriptorRate(6, 1.0, false, null);

		assertThat(ExhaustionRule.judge(ok, null, wavering, horizon, LEAD, null)).as("not yet DOWN").isNull();
		assertThat(ExhaustionRule.judge(ok, null, wavering, horizon, LEAD, ExhaustionRule.IMMINENT))
			.isEqualTo(ExhaustionRule.IMMINENT);
		assertThat(ExhaustionRule.judge(ok, null, slowed, horizon, LEAD, ExhaustionRule.IMMINENT)).isNull();
		assertThat(ExhaustionRule.judge(ok, null, stopped, horizon, LEAD, ExhaustionRule.IMMINENT)).isNull();
		// a second or two without a leak (a collection, a busy machine) is not steady,
		// but still on its way to the limit
		FileDescriptorRate stalled = new FileDescriptorRate(6, 7.0, false, Duration.ofSeconds(70));
		assertThat(ExhaustionRule.judge(ok, null, stalled, horizon, LEAD, ExhaustionRule.IMMINENT))
			.isEqualTo(ExhaustionRule.IMMINENT);
		assertThat(ExhaustionRule.judge(ok, null, stalled, horizon, LEAD, null))
			.as("never DOWN on a rate that does not hold")
			.isNull();
	}

	private void feed(int fromSecond, int seconds, LongUnaryOperator countAtSecond) {
		feed(fromSecond, seconds, countAtSecond, LIMIT);
	}

	private void feed(int fromSecond, int seconds, LongUnaryOperator countAtSecond, long limit) {
		for (int second = fromSecond; second < fromSecond + seconds; second++) {
			this.sampler.record(second * 1000L, countAtSecond.applyAsLong(second), limit);
		}
	}

}
