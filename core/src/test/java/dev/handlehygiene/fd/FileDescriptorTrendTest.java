package dev.handlehygiene.fd;

import java.time.Duration;
import java.util.Random;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The trend math on synthetic series, fed to the sampler as if read every 10 s over a
 * 10-minute window (the defaults), against a limit of 1024. Health goes DOWN on the trend
 * exactly when it projects the limit within the exhaustion horizon, which is what these
 * tests read.
 */
class FileDescriptorTrendTest {

	private static final Duration INTERVAL = Duration.ofSeconds(10);

	private static final Duration WINDOW = Duration.ofMinutes(10);

	private static final Duration HORIZON = Duration.ofMinutes(15);

	private static final long LIMIT = 1024;

	private final FileDescriptorSampler sampler = new FileDescriptorSampler(new FileDescriptorProbe(), INTERVAL, WINDOW,
			() -> {
				throw new AssertionError("series are recorded with their own times");
			});

	private final Random noise = new Random(42);

	@Test
	void aSteadyLeakGivesItsGrowthAndTheTimeToTheLimit() {
		// 12.5 descriptors a minute from 200, with a few descriptors of request noise
		// either way
		LongUnaryOperator leak = (second) -> 200 + Math.round(12.5 * second / 60.0) + this.noise.nextInt(7) - 3;
		long last = feed(60, leak);

		FileDescriptorTrend trend = this.sampler.trend();
		assertThat(trend.samples()).isEqualTo(60);
		assertThat(trend.perMinute()).isCloseTo(12.5, within(12.5 * 0.05));
		double expectedMinutes = (LIMIT - last) / 12.5;
		assertThat(trend.projectedExhaustion()).isNotNull();
		assertThat(trend.projectedExhaustion().toMillis() / 60_000.0).isCloseTo(expectedMinutes,
				within(expectedMinutes * 0.05));
		// about 56 minutes away: beyond the 15-minute horizon, so still UP
		assertThat(trend.projectsExhaustionWithin(HORIZON)).isFalse();
	}

	@Test
	void aFastLeakIsDownOnceHalfTheWindowIsSampled() {
		// 60 a minute from 300: the limit is about 12 minutes away when the first
		// projection is allowed
		int firstDown = -1;
		for (int i = 0; i < 60 && firstDown < 0; i++) {
			this.sampler.record(i * INTERVAL.toMillis(), 300 + i * 10, LIMIT);
			if (this.sampler.trend().projectsExhaustionWithin(HORIZON)) {
				firstDown = i + 1;
			}
		}
		assertThat(firstDown).as("samples taken when DOWN").isEqualTo(30);
	}

	@Test
	void flatNoiseProjectsNothing() {
		feed(600, (second) -> 500 + this.noise.nextInt(41) - 20, (trend) -> {
			assertThat(trend.projectedExhaustion()).isNull();
			assertThat(trend.projectsExhaustionWithin(HORIZON)).isFalse();
		});
		assertThat(this.sampler.trend().fit()).isLessThan(TrendRules.MIN_FIT);
	}

	@Test
	void aSawToothWithNoNetGrowthNeverGoesDown() {
		// 500 connections opened over four minutes and closed at once, at eight phases
		// against the window: a
		// rising edge alone climbs 125 a minute, and a fit over two and a half teeth can
		// slope upwards steeply
		// enough to project the limit within the horizon; only the fit and the
		// half-window rule keep it UP
		for (int phase = 0; phase < 240; phase += 30) {
			int offset = phase;
			FileDescriptorSampler sawTooth = new FileDescriptorSampler(new FileDescriptorProbe(), INTERVAL, WINDOW,
					() -> 0);
			for (int i = 0; i < 360; i++) {
				long second = i * INTERVAL.getSeconds();
				sawTooth.record(second * 1000, 300 + ((second + offset) % 240) * 500 / 240, LIMIT);
				assertThat(sawTooth.trend().projectsExhaustionWithin(HORIZON)).as("phase %d, sample %d", offset, i)
					.isFalse();
			}
		}
	}

	@Test
	void aStepUpThenAPlateauIsNeverProjected() {
		// a pool of 300 connections opened at once, five minutes in
		feed(360, (second) -> ((second < 300) ? 300 : 600) + this.noise.nextInt(5) - 2,
				(trend) -> assertThat(trend.projectedExhaustion()).isNull());
	}

	@Test
	void aLeakThatStopsIsNoLongerProjectedOnceItsPlateauFillsHalfTheWindow() {
		// ten minutes of leaking 30 a minute, then it stops
		LongUnaryOperator leakThenPlateau = (second) -> 300 + Math.min(second, 600) / 2;
		feed(60, leakThenPlateau);
		assertThat(this.sampler.trend().isProjecting()).isTrue();
		for (int i = 60; i < 180; i++) {
			long second = i * INTERVAL.getSeconds();
			this.sampler.record(second * 1000, leakThenPlateau.applyAsLong(second), LIMIT);
			if (second >= 600 + WINDOW.getSeconds() / 2) {
				assertThat(this.sampler.trend().projectedExhaustion()).as("%d s into the plateau", second - 600)
					.isNull();
			}
		}
	}

	@Test
	void anUnknownLimitProjectsNothing() {
		for (int i = 0; i < 60; i++) {
			this.sampler.record(i * INTERVAL.toMillis(), 300 + i * 10, FileDescriptorProbe.UNKNOWN);
		}
		assertThat(this.sampler.trend().perMinute()).isCloseTo(60.0, within(1e-9));
		assertThat(this.sampler.trend().projectedExhaustion()).isNull();
	}

	@Test
	void theRingKeepsOnlyTheWindow() {
		feed(1000, (second) -> second);
		assertThat(this.sampler.trend().samples()).isEqualTo(60);
		assertThat(this.sampler.trend().window()).isEqualTo(WINDOW);
	}

	@Test
	void samplesTheRealProcess() {
		long[] now = { 0 };
		FileDescriptorSampler real = new FileDescriptorSampler(new FileDescriptorProbe(), INTERVAL, WINDOW,
				() -> now[0]);
		real.sample();
		now[0] += INTERVAL.toMillis();
		real.sample();
		assertThat(real.trend().samples()).isEqualTo(2);
		assertThat(real.trend().perMinute()).isNotNull();
	}

	private long feed(int samples, LongUnaryOperator countAtSecond) {
		return feed(samples, countAtSecond, (trend) -> {
		});
	}

	private long feed(int samples, LongUnaryOperator countAtSecond,
			java.util.function.Consumer<FileDescriptorTrend> afterEach) {
		long count = 0;
		for (int i = 0; i < samples; i++) {
			long second = i * INTERVAL.getSeconds();
			count = countAtSecond.applyAsLong(second);
			this.sampler.record(second * 1000, count, LIMIT);
			afterEach.accept(this.sampler.trend());
		}
		return count;
	}

}
