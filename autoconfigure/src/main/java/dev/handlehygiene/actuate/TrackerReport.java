package dev.handlehygiene.actuate;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.handlehygiene.leak.LeakSite;
import dev.handlehygiene.leak.LeakTracker;

/**
 * One tracker's part of the {@code leaks} section.
 *
 * @param open tracked resources open now
 * @param suspected open longer than the maximum open age
 * @param leaked found unreachable and not closed
 * @param sites call sites with their counts and a stack (a detail)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackerReport(long open, long suspected, long leaked, List<LeakSite> sites) {

	static TrackerReport of(LeakTracker tracker, boolean showDetails) {
		return new TrackerReport(tracker.open(), tracker.suspected(), tracker.leaked(),
				showDetails ? tracker.sites() : null);
	}

}
