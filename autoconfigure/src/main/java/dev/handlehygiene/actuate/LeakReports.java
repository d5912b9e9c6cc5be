package dev.handlehygiene.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.handlehygiene.jdbc.JdbcLeakRegistry;
import dev.handlehygiene.leak.LeakTracker;

/**
 * The {@code leaks} section of {@code /actuator/fdleaks}: each tracker present, under its name.
 */
public class LeakReports {

	private final LeakTracker httpClient;

	private final JdbcLeakRegistry jdbc;

	/**
	 * @param httpClient the HTTP client response tracker, or {@code null} when response tracking is off
	 * @param jdbc HikariCP's leak reports, or {@code null} when they are not captured
	 */
	public LeakReports(LeakTracker httpClient, JdbcLeakRegistry jdbc) {
		this.httpClient = httpClient;
		this.jdbc = jdbc;
	}

	/**
	 * The section.
	 * @param showDetails whether to include call sites and stacks
	 * @return {@code {"httpClient": {...}, "jdbc": {...}}}, with only the parts present
	 */
	public Map<String, Object> report(boolean showDetails) {
		Map<String, Object> report = new LinkedHashMap<>();
		if (this.httpClient != null) {
			report.put("httpClient", TrackerReport.of(this.httpClient, showDetails));
		}
		if (this.jdbc != null) {
			report.put("jdbc", JdbcLeakReport.of(this.jdbc, showDetails));
		}
		return report;
	}

}
