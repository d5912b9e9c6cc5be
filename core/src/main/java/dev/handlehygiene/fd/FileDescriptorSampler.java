package dev.handlehygiene.fd;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Reads the O(1) descriptor count every {@code interval} into a fixed ring that holds
 * {@code window} of samples, and turns them into a {@link FileDescriptorTrend} on
 * request. While the count grows, or is at or above the warning share, it reads every
 * {@link #FAST_INTERVAL} instead, and keeps the last few of those readings for the
 * {@link FileDescriptorRate}: a fast leak is seen in seconds, not in {@code interval}
 * steps. The trend still takes one sample per {@code interval}, so its window keeps its
 * meaning. One daemon thread, one {@code stat} per sample: nothing that needs a
 * descriptor, so it keeps sampling at the limit. Built with an inventory, it also takes a
 * census of the descriptors at a trend sample while the count grows (and once per
 * window), and turns the censuses into the {@link FileDescriptorGrowth} of each group.
 */
public final class FileDescriptorSampler {

	/**
	 * How often the count is read while it grows or is at or above the warning share; the
	 * configured interval when that is shorter. A read costs a few microseconds.
	 */
	public static final Duration FAST_INTERVAL = Duration.ofSeconds(1);

	private static final String THREAD_NAME = "handle-hygiene-fd-sampler";

	private static final long RECENT_SPACING_MILLIS = FAST_INTERVAL.toMillis() * 9 / 10;

	private final FileDescriptorProbe probe;

	private final SampleRing ring;

	private final TrendRules rules;

	private final SampleRing recent = new SampleRing(FileDescriptorRate.SAMPLES);

	private final RateRules rateRules = new RateRules();

	private final long intervalMillis;

	private final long fastIntervalMillis;

	private final long trendSlackMillis;

	/** The share of the limit at and above which every read is a fast one. */
	private final double fastAtShare;

	/** When the trend last took a sample; guarded by {@code this}. */
	private long lastTrendMillis = Long.MIN_VALUE;

	/** When the recent rate last took a sample; guarded by {@code this}. */

	private long lastRecentMillis = Long.MIN_VALUE;

	/**
	 * The count at the previous reading, -1 before the first; guarded by {@code this}.
	 */
	private long previousCount = -1;

	private volatile boolean fast;

	private final LongSupplier clockMillis;

	private final GrowthCensus census;

	private volatile long lastLimit = FileDescriptorProbe.UNKNOWN;

	private @Nullable ScheduledExecutorService executor;

	/**
	 * A sampler on the monotonic clock.
	 * @param probe where counts come from
	 * @param interval how often to sample
	 * @param window how much time the trend covers; holds {@code window / interval}
	 * samples
	 */
	public FileDescriptorSampler(FileDescriptorProbe probe, Duration interval, Duration window) {
		this(probe, interval, window, () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
	}

	/**
	 * A sampler on a given clock, for tests that feed a series through
	 * {@link #record(long, long, long)}.
	 * @param probe where counts come from
	 * @param interval how often to sample, at least 1 ms
	 * @param window how much time the trend covers, at least 3 intervals
	 * @param clockMillis the time in milliseconds, on any monotonic scale
	 */
	public FileDescriptorSampler(FileDescriptorProbe probe, Duration interval, Duration window,
			LongSupplier clockMillis) {
		this(probe, interval, window, clockMillis, GrowthCensus.none(window), Double.POSITIVE_INFINITY);
	}

	/**
	 * A sampler on the monotonic clock that also takes a census of the descriptors at a
	 * sample while the count grows (see {@link #growth()}).
	 * @param probe where counts come from
	 * @param interval how often to sample
	 * @param window how much time the trend and the growth cover
	 * @param inventory what takes the censuses
	 * @param thresholds the warning share, at and above which every sample takes a census
	 */
	public FileDescriptorSampler(FileDescriptorProbe probe, Duration interval, Duration window,
			FileDescriptorInventory inventory, UsageThresholds thresholds) {
		this(probe, interval, window, () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()), inventory, thresholds,
				FileDescriptorCensus.DEFAULT_MAX_GROUPS);
	}

	FileDescriptorSampler(FileDescriptorProbe probe, Duration interval, Duration window, LongSupplier clockMillis,
			FileDescriptorInventory inventory, UsageThresholds thresholds, int maxGroups) {
		this(probe, interval, window, clockMillis,
				new CensusOnGrowth(inventory, thresholds, maxGroups, interval, window), thresholds.warning());
	}

	private FileDescriptorSampler(FileDescriptorProbe probe, Duration interval, Duration window,
			LongSupplier clockMillis, GrowthCensus census, double fastAtShare) {
		// scheduled in whole milliseconds, so anything shorter would divide by zero below
		if (interval.toMillis() < 1) {
			throw new IllegalArgumentException("The sample interval must be at least 1 ms, got " + interval);
		}
		long capacity = window.toMillis() / interval.toMillis();
		if (capacity < 3) {
			throw new IllegalArgumentException(
					"The trend window must hold at least 3 samples, got " + window + " at " + interval);
		}
		this.probe = probe;
		// capped so that a tiny interval in a long window cannot ask for a huge ring
		this.ring = new SampleRing((int) Math.min(capacity, 100_000));
		this.rules = new TrendRules(window, this.ring.capacity());
		this.clockMillis = clockMillis;
		this.census = census;
		this.intervalMillis = interval.toMillis();
		this.fastIntervalMillis = Math.min(this.intervalMillis, FAST_INTERVAL.toMillis());
		// at most a tenth of the interval: with more, an interval just above the fast one
		// would take every fast reading into the trend and shrink the window it covers
		this.trendSlackMillis = Math.min(this.fastIntervalMillis / 2, this.intervalMillis / 10);
		// loaded now: the first health check may come at the limit, where loading a
		// class from a directory on the classpath fails for want of a descriptor
		this.rateRules.assess(new long[0], new long[0], FileDescriptorProbe.UNKNOWN);
		this.fastAtShare = fastAtShare;
	}

	/**
	 * Reads the probe once and records the reading as a whole sample: in the trend and
	 * the recent rate, with a census when one is due. An unknown count is skipped. Never
	 * throws. For callers that drive the sampler by hand; the schedule of
	 * {@link #start()} records its fast readings in the trend only once per interval.
	 */
	public void sample() {
		read(true);
	}

	private void read(boolean wholeSample) {
		try {
			long count = this.probe.count();
			long limit = this.probe.limit();
			if (count >= 0) {
				long now = this.clockMillis.getAsLong();
				if (recordReading(now, count, limit, wholeSample)) {
					this.census.sampled(now, count, limit);
				}
			}
		}
		catch (RuntimeException | InternalError ex) {
			// one failed reading must not end the schedule: an exception would cancel
			// every later run (the MXBean
			// fallback throws InternalError at the limit; the probe catches it, this is
			// the second line)
		}
	}

	/**
	 * Records one reading: in the recent rate when about a fast interval has passed since
	 * its last, and in the trend when about a whole interval has; then decides whether
	 * the next reading comes after the fast interval or the whole one.
	 * @param timeMillis when it was read
	 * @param count the open count
	 * @param limit the limit at that time, negative when unknown
	 */
	public void record(long timeMillis, long count, long limit) {
		recordReading(timeMillis, count, limit, false);
	}

	/**
	 * {@link #record}, or a whole sample that goes into both; says whether the reading
	 * went into the trend: when a census may be due.
	 */
	private synchronized boolean recordReading(long timeMillis, long count, long limit, boolean wholeSample) {
		this.lastLimit = limit;
		// the recent samples stay about a second apart even where the interval is
		// shorter, so that five intervals span more than a burst takes; with a tenth of
		// slack, since a reading may come a few ms early on a coarse clock
		if (wholeSample || this.lastRecentMillis == Long.MIN_VALUE
				|| timeMillis - this.lastRecentMillis >= RECENT_SPACING_MILLIS) {
			this.recent.add(timeMillis, count);
			this.lastRecentMillis = timeMillis;
		}
		// some slack: a reading a few ms short of the interval must not wait a whole one
		boolean trendSample = wholeSample || this.lastTrendMillis == Long.MIN_VALUE
				|| timeMillis - this.lastTrendMillis >= this.intervalMillis - this.trendSlackMillis;
		if (trendSample) {
			this.ring.add(timeMillis, count);
			this.lastTrendMillis = timeMillis;
		}
		boolean rose = this.previousCount >= 0 && count > this.previousCount;
		this.previousCount = count;
		this.fast = rose || (limit > 0 && count >= this.fastAtShare * limit) || this.recent.rose();
		return trendSample;
	}

	/**
	 * Records a reading taken elsewhere, now: a health check reads the count anyway, and
	 * where one reads it every second (exit-on-critical's watcher) the recent rate need
	 * not wait for the sampler's next reading to see a rise. Counted in the recent rate
	 * when about a second has passed since its last sample, never in the trend, whose
	 * spacing is the schedule's. Never throws.
	 * @param count the open count, skipped when negative (unknown)
	 * @param limit the limit, negative when unknown
	 */
	public void offer(long count, long limit) {
		if (count < 0) {
			return;
		}
		try {
			offerReading(this.clockMillis.getAsLong(), count, limit);
		}
		catch (RuntimeException ex) {
			// a reading offered is a courtesy: the health check that offers it must
			// answer whatever happens here
		}
	}

	private synchronized void offerReading(long timeMillis, long count, long limit) {
		if (this.lastRecentMillis != Long.MIN_VALUE && timeMillis - this.lastRecentMillis < RECENT_SPACING_MILLIS) {
			return;
		}
		this.lastLimit = limit;
		this.recent.add(timeMillis, count);
		this.lastRecentMillis = timeMillis;
		this.fast = this.fast || this.recent.rose();
	}

	/**
	 * Whether the next reading comes after the fast interval: the count rose in the
	 * recent samples, or is at or above the warning share.
	 * @return {@code true} while reading every {@link #FAST_INTERVAL}
	 */
	public boolean isSamplingFast() {
		return this.fast;
	}

	/**
	 * The recent rate: how fast the count rose over its last few samples, and the time to
	 * the limit at that rate once it holds.
	 * @return the rate; never throws
	 */
	public FileDescriptorRate rate() {
		long[][] samples = this.recent.snapshot();
		return this.rateRules.assess(samples[0], samples[1], this.lastLimit);
	}

	/**
	 * The trend of the samples taken so far.
	 * @return the trend; never throws
	 */
	public FileDescriptorTrend trend() {
		long[][] samples = this.ring.snapshot();
		return this.rules.assess(samples[0], samples[1], this.lastLimit);
	}

	/**
	 * The growth of each group of descriptors over the window, from the censuses taken so
	 * far; takes none. Never throws.
	 * @return the groups that grew, most first; empty, with {@code error} set, for a
	 * sampler built without an inventory
	 */
	public FileDescriptorGrowth growth() {
		return this.census.growth(this.clockMillis.getAsLong(), false, -1);
	}

	/**
	 * The growth of each group of descriptors over the window, after one census now
	 * unless the newest is younger than one sample interval: however many call, at most
	 * one census per interval. Never throws; at the descriptor limit the census fails,
	 * and the growth is that of the censuses before, with {@code error} set.
	 * @return the groups that grew, most first
	 */
	public FileDescriptorGrowth refreshedGrowth() {
		return this.census.growth(this.clockMillis.getAsLong(), true, this.probe.count());
	}

	/**
	 * Starts sampling now, on a daemon thread, and goes on every interval, or every
	 * {@link #FAST_INTERVAL} while the count rises or is at or above the warning share.
	 */
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, THREAD_NAME);
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		scheduler.setRemoveOnCancelPolicy(true);
		this.executor = scheduler;
		scheduler.execute(() -> sampleAndReschedule(scheduler));
	}

	/**
	 * One reading, then the next one scheduled after the fast or the whole interval: a
	 * delay from the end of this one rather than a fixed rate, so that after a pause (GC,
	 * a suspended VM) no burst of catch-up samples crowds the window with readings of one
	 * instant.
	 */
	private void sampleAndReschedule(ScheduledExecutorService scheduler) {
		try {
			read(false);
		}
		finally {
			// in a finally: whatever a reading throws, the next one is still scheduled
			long delay = this.fast ? this.fastIntervalMillis : this.intervalMillis;
			try {
				scheduler.schedule(() -> sampleAndReschedule(scheduler), delay, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// stopped: nothing more to sample
			}
		}
	}

	/**
	 * Stops sampling; the samples taken stay readable.
	 */
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

}
