package dev.handlehygiene.fd;

/**
 * The last {@code capacity} descriptor counts with the time each was read, in two fixed
 * arrays: memory stays the same however long the process runs. Thread-safe: one sampler
 * writes while health checks and scrapes read.
 */
final class SampleRing {

	private final long[] times;

	private final long[] counts;

	private int next;

	private int size;

	/**
	 * @param capacity how many samples to keep, at least 2
	 */
	SampleRing(int capacity) {
		if (capacity < 2) {
			throw new IllegalArgumentException("A trend needs room for at least 2 samples, got " + capacity);
		}
		this.times = new long[capacity];
		this.counts = new long[capacity];
	}

	/**
	 * Adds a sample, overwriting the oldest once full.
	 * @param timeMillis when the count was read, in milliseconds on any monotonic scale
	 * @param count the count
	 */
	synchronized void add(long timeMillis, long count) {
		this.times[this.next] = timeMillis;
		this.counts[this.next] = count;
		this.next = (this.next + 1) % this.times.length;
		this.size = Math.min(this.size + 1, this.times.length);
	}

	/**
	 * The samples, oldest first, as a copy that later writes do not change.
	 * @return the times in {@code [0]} and the counts in {@code [1]}
	 */
	synchronized long[][] snapshot() {
		long[] snapshotTimes = new long[this.size];
		long[] snapshotCounts = new long[this.size];
		int oldest = (this.size < this.times.length) ? 0 : this.next;
		for (int i = 0; i < this.size; i++) {
			int index = (oldest + i) % this.times.length;
			snapshotTimes[i] = this.times[index];
			snapshotCounts[i] = this.counts[index];
		}
		return new long[][] { snapshotTimes, snapshotCounts };
	}

	/**
	 * Whether the count rose between any two consecutive samples held.
	 * @return {@code true} when some sample is above the one before it
	 */
	synchronized boolean rose() {
		int oldest = (this.size < this.times.length) ? 0 : this.next;
		for (int i = 1; i < this.size; i++) {
			int index = (oldest + i) % this.times.length;
			int before = (oldest + i - 1) % this.times.length;
			if (this.counts[index] > this.counts[before]) {
				return true;
			}
		}
		return false;
	}

	int capacity() {
		return this.times.length;
	}

}
