package dev.handlehygiene.fd;

import java.time.Duration;

/**
 * Takes a census at a sample only when it can show growth: the count rose since the
 * previous sample or since the last census, or usage is at or above the warning share.
 * One more, once per window, keeps the baseline no older than the window, so that growth
 * is always measured over about the window. A flat count costs one census per window; a
 * growing one, one per sample. Thread-safe: the sampler and the readers share it, and a
 * census is taken under its lock, so concurrent readers cause at most one.
 */
final class CensusOnGrowth implements GrowthCensus {

	private final FileDescriptorInventory inventory;

	private final UsageThresholds thresholds;

	private final int maxGroups;

	private final long intervalMillis;

	private final long windowMillis;

	private final CensusHistory history;

	/** The count at the previous sample, -1 before the first. */
	private long previousCount = -1;

	/** The count when the last census that succeeded was taken, -1 before the first. */
	private long censusCount = -1;

	/**
	 * @param inventory what takes the censuses
	 * @param thresholds the warning share, at and above which every sample takes one
	 * @param maxGroups how many named groups a census keeps
	 * @param interval the sampler's interval
	 * @param window the trend window
	 */
	CensusOnGrowth(FileDescriptorInventory inventory, UsageThresholds thresholds, int maxGroups, Duration interval,
			Duration window) {
		this.inventory = inventory;
		this.thresholds = thresholds;
		this.maxGroups = maxGroups;
		this.intervalMillis = interval.toMillis();
		this.windowMillis = window.toMillis();
		this.history = new CensusHistory(window);
	}

	@Override
	public synchronized void sampled(long timeMillis, long count, long limit) {
		boolean due = isDue(timeMillis, count, limit);
		this.previousCount = count;
		if (due) {
			take(timeMillis, count);
		}
	}

	@Override
	public synchronized FileDescriptorGrowth growth(long nowMillis, boolean refresh, long count) {
		if (refresh) {
			Long newest = this.history.newestMillis();
			if (newest == null || nowMillis - newest >= this.intervalMillis) {
				take(nowMillis, count);
			}
		}
		return this.history.growth(nowMillis);
	}

	/** How many censuses are kept, for tests. */
	synchronized int kept() {
		return this.history.size();
	}

	private boolean isDue(long timeMillis, long count, long limit) {
		if (this.previousCount < 0) {
			// the first sample: a census waits one interval, while start-up still opens
			// what the service keeps for good
			return false;
		}
		if (count > this.previousCount || (this.censusCount >= 0 && count > this.censusCount)) {
			return true;
		}
		if (limit > 0 && count >= this.thresholds.warning() * limit) {
			return true;
		}
		Long newest = this.history.newestMillis();
		return newest == null || timeMillis - newest >= this.windowMillis;
	}

	private void take(long timeMillis, long count) {
		FileDescriptorCensus census = this.inventory.census(this.maxGroups);
		this.history.record(timeMillis, census);
		if (!census.failed()) {
			this.censusCount = (count >= 0) ? count : census.listed();
		}
	}

}
