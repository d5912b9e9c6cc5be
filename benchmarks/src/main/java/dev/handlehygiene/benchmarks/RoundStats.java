package dev.handlehygiene.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The summary figures the alternating mains print for a list of per-round values: the
 * median, which a noisy round cannot drag, and the spread around it.
 */
final class RoundStats {

	private RoundStats() {
	}

	static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
