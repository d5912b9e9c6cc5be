package dev.handlehygiene.fd;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.fd.FileDescriptorCensus.Group;
import dev.handlehygiene.fd.FileDescriptorGrowth.GroupGrowth;

/**
 * The censuses of the trend window, and the last one before it as a baseline, in a
 * bounded deque: a census replaces the newest while that one is less than a tenth of the
 * window after the one before it, so the censuses kept are at least that far apart (the
 * newest aside) and at most {@value #SLOTS} + 2 are kept whatever the sample interval,
 * each with at most the census's bound of groups. Thread-safe.
 */
final class CensusHistory {

	/**
	 * How many spaced censuses the window holds at most, the newest and baseline aside.
	 */
	static final int SLOTS = 10;

	private static final double MILLIS_PER_MINUTE = 60_000.0;

	/**
	 * Most growth first, then the most specific group, then by name, so the order is
	 * stable.
	 */
	private static final Comparator<GroupGrowth> MOST_GROWTH_FIRST = Comparator.comparingInt(GroupGrowth::growth)
		.reversed()
		.thenComparing(Comparator.comparingInt((GroupGrowth growth) -> growth.group().depth()).reversed())
		.thenComparing((growth) -> growth.group().name())
		.thenComparing((growth) -> growth.group().kind());

	private final Duration window;

	private final long windowMillis;

	private final long spacingMillis;

	/** Oldest first; the first may be older than the window: the baseline. */
	private final Deque<Entry> entries = new ArrayDeque<>();

	private @Nullable String lastError;

	/**
	 * @param window how long censuses are kept, the baseline aside
	 */
	CensusHistory(Duration window) {
		this.window = window;
		this.windowMillis = window.toMillis();
		this.spacingMillis = Math.max(1, this.windowMillis / SLOTS);
	}

	/**
	 * Records a census; a failed one is not kept, and is reported by
	 * {@link #growth(long)} until the next census that succeeds.
	 * @param timeMillis when it was taken, on the sampler's clock
	 * @param census the census
	 */
	synchronized void record(long timeMillis, FileDescriptorCensus census) {
		if (census.failed()) {
			this.lastError = census.error();
			evict(timeMillis);
			return;
		}
		this.lastError = null;
		Entry newest = this.entries.peekLast();
		Entry taken = new Entry(timeMillis, shared(census, newest));
		// the newest stands in for its slot until it is a slot's width after the one
		// before it: then it stays, and the next starts a new slot
		if (newest != null && this.entries.size() >= 2
				&& newest.timeMillis() - secondNewest().timeMillis() < this.spacingMillis) {
			this.entries.removeLast();
		}
		this.entries.addLast(taken);
		evict(timeMillis);
	}

	/**
	 * When the newest census was taken.
	 * @return its time, or {@code null} when there is none
	 */
	synchronized @Nullable Long newestMillis() {
		Entry newest = this.entries.peekLast();
		return (newest != null) ? newest.timeMillis() : null;
	}

	/**
	 * The newest census's count of all descriptors.
	 * @return the count, or -1 when there is no census
	 */
	synchronized int newestListed() {
		Entry newest = this.entries.peekLast();
		return (newest != null) ? newest.census().listed() : -1;
	}

	/**
	 * How many censuses are kept.
	 * @return the number, the baseline included
	 */
	synchronized int size() {
		return this.entries.size();
	}

	/**
	 * The growth of each group from the oldest census kept to the newest.
	 * @param nowMillis the time now, to drop censuses that left the window
	 * @return the groups that grew, most first
	 */
	synchronized FileDescriptorGrowth growth(long nowMillis) {
		evict(nowMillis);
		if (this.entries.size() < 2) {
			return new FileDescriptorGrowth(this.window, this.entries.size(), null, List.of(), this.lastError);
		}
		Entry oldest = this.entries.getFirst();
		Entry newest = this.entries.getLast();
		long spanMillis = newest.timeMillis() - oldest.timeMillis();
		double minutes = spanMillis / MILLIS_PER_MINUTE;
		// a group the bound left out of the oldest census had at most the smallest count
		// kept there: one that has no more now may have been there all along, so it is no
		// growth (a steady group at the edge of the bound); one that has more grew from
		// 0, which is what a new group does
		int edge = (oldest.census().leftOut() > 0) ? smallestNamed(oldest.census()) : 0;
		List<GroupGrowth> grew = new ArrayList<>();
		newest.census().groups().forEach((group, open) -> {
			Integer before = oldest.census().groups().get(group);
			if (before == null && open <= edge) {
				return;
			}
			int growth = open - ((before != null) ? before : 0);
			if (growth > 0) {
				grew.add(new GroupGrowth(group, open, growth, (minutes > 0) ? growth / minutes : 0));
			}
		});
		grew.sort(MOST_GROWTH_FIRST);
		return new FileDescriptorGrowth(this.window, this.entries.size(), Duration.ofMillis(spanMillis), grew,
				this.lastError);
	}

	private Entry secondNewest() {
		var descending = this.entries.descendingIterator();
		descending.next();
		return descending.next();
	}

	/** Drops censuses older than the window but the newest of them, the baseline. */
	private void evict(long nowMillis) {
		while (this.entries.size() >= 2) {
			var ascending = this.entries.iterator();
			ascending.next();
			if (ascending.next().timeMillis() > nowMillis - this.windowMillis) {
				return;
			}
			this.entries.removeFirst();
		}
	}

	private static int smallestNamed(FileDescriptorCensus census) {
		int smallest = Integer.MAX_VALUE;
		for (Map.Entry<Group, Integer> entry : census.groups().entrySet()) {
			if (entry.getKey().kind() != FileDescriptorCensus.Kind.TYPE) {
				smallest = Math.min(smallest, entry.getValue());
			}
		}
		return (smallest == Integer.MAX_VALUE) ? 0 : smallest;
	}

	/**
	 * The census with the group keys of the newest one where they are equal: censuses of
	 * the same descriptors then share their paths and addresses instead of holding a copy
	 * each.
	 */
	private static FileDescriptorCensus shared(FileDescriptorCensus census, @Nullable Entry newest) {
		if (newest == null) {
			return census;
		}
		Map<Group, Group> known = new HashMap<>();
		for (Group group : newest.census().groups().keySet()) {
			known.put(group, group);
		}
		Map<Group, Integer> groups = new HashMap<>();
		census.groups().forEach((group, count) -> groups.put(known.getOrDefault(group, group), count));
		return new FileDescriptorCensus(census.listed(), groups, census.leftOut(), census.error());
	}

	private record Entry(long timeMillis, FileDescriptorCensus census) {
	}

}
