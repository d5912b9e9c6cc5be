package dev.handlehygiene.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.handlehygiene.leak.LeakTracker;

/**
 * The {@code leaks} section of {@code /actuator/fdleaks}: each tracker present, under its name.
 */
public class LeakReports {

	private final LeakTracker httpClient;

	/**
	 * @param httpClient the HTTP client response tracker, or {@code null} when response tracking is off
	 */
	public LeakReports(LeakTracker httpClient) {
		this.httpClient = httpClient;
	}

	/**
	 * The section.
	 * @param showDetails whether to include call sites and stacks
	 * @return {@code {"httpClient": {...}}}, with only the trackers present
	 */
	public Map<String, Object> report(boolean showDetails) {
		Map<String, Object> report = new LinkedHashMap<>();
		if (this.httpClient != null) {
			report.put("httpClient", TrackerReport.of(this.httpClient, showDetails));
		}
		return report;
	}

}
