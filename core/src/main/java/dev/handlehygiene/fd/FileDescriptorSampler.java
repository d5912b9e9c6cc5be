package dev.handlehygiene.fd;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Reads the O(1) descriptor count every {@code interval} into a fixed ring that holds
 * {@code window} of samples, and turns them into a {@link FileDescriptorTrend} on
 * request. One daemon thread, one {@code stat} per sample: nothing that needs a
 * descriptor, so it keeps sampling at the limit. Built with an inventory, it also takes a
 * census of the descriptors at a sample while the count grows (and once per window), and
 * turns the censuses into the {@link FileDescriptorGrowth} of each group.
 */
public final class FileDescriptorSampler {

	private static final String THREAD_NAME = "handle-hygiene-fd-sampler";

	private final FileDescriptorProbe probe;

	private final Duration interval;

	private final SampleRing ring;

	private final TrendRules rules;

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
		this(probe, interval, window, clockMillis, GrowthCensus.none(window));
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
				new CensusOnGrowth(inventory, thresholds, maxGroups, interval, window));
	}

	private FileDescriptorSampler(FileDescriptorProbe probe, Duration interval, Duration window,
			LongSupplier clockMillis, GrowthCensus census) {
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
		this.interval = interval;
		// capped so that a tiny interval in a long window cannot ask for a huge ring
		this.ring = new SampleRing((int) Math.min(capacity, 100_000));
		this.rules = new TrendRules(window, this.ring.capacity());
		this.clockMillis = clockMillis;
		this.census = census;
	}

	/**
	 * Reads the probe once and records the reading; an unknown count is skipped. Never
	 * throws.
	 */
	public void sample() {
		try {
			long count = this.probe.count();
			long limit = this.probe.limit();
			if (count >= 0) {
				long now = this.clockMillis.getAsLong();
				record(now, count, limit);
				this.census.sampled(now, count, limit);
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
	 * Records one reading.
	 * @param timeMillis when it was read
	 * @param count the open count
	 * @param limit the limit at that time, negative when unknown
	 */
	public void record(long timeMillis, long count, long limit) {
		this.ring.add(timeMillis, count);
		this.lastLimit = limit;
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
	 * Starts sampling now and every interval after, on a daemon thread.
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
		// fixed delay rather than fixed rate: after a pause (GC, a suspended VM) it does
		// not fire a burst of
		// catch-up samples that would crowd the window with readings of one instant
		scheduler.scheduleWithFixedDelay(this::sample, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = scheduler;
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
