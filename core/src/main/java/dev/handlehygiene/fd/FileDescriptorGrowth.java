package dev.handlehygiene.fd;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.fd.FileDescriptorCensus.Group;

/**
 * Which groups of descriptors grew over the trend window: each group's count in the
 * newest census minus its count in the oldest one kept (the last census before the
 * window, where there is one), most growth first.
 *
 * @param window the trend window the censuses are kept over
 * @param censuses how many censuses are kept now
 * @param span the time between the two censuses compared, or {@code null} with fewer than
 * two
 * @param groups the groups that grew, most growth first (then the most specific, then by
 * name); groups that stayed or shrank are left out
 * @param error why the latest census could not be taken (the growth is then that of the
 * censuses before it), or {@code null}
 */
public record FileDescriptorGrowth(Duration window, int censuses, @Nullable Duration span, List<GroupGrowth> groups,
		@Nullable String error) {

	public FileDescriptorGrowth {
		groups = List.copyOf(groups);
	}

	/**
	 * Whether the latest census failed, so the growth is as of an earlier one.
	 * @return {@code true} when {@link #error()} is set
	 */
	public boolean partial() {
		return this.error != null;
	}

	/**
	 * How much a group grew.
	 * @param group the group
	 * @return its growth, 0 where it did not grow
	 */
	public int growthOf(Group group) {
		for (GroupGrowth growth : this.groups) {
			if (growth.group().equals(group)) {
				return growth.growth();
			}
		}
		return 0;
	}

	/**
	 * One group that grew.
	 *
	 * @param group the group
	 * @param open its descriptors in the newest census
	 * @param growth how many more than in the oldest census
	 * @param perMinute the growth divided by the minutes between the two censuses
	 */
	public record GroupGrowth(Group group, int open, int growth, double perMinute) {
	}

}
