package dev.handlehygiene.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.handlehygiene.actuate.FileDescriptorLeaksReport.LeakSection;
import dev.handlehygiene.http.ResponseTrackingInterceptor;
import dev.handlehygiene.jdbc.JdbcLeakRegistry;
import dev.handlehygiene.leak.LeakSource;

/**
 * The {@code leaks} section of {@code /actuator/fdleaks}: each leak source present, under
 * its name.
 */
class LeakReports {

	/**
	 * The section names of the starter's own resources; any other source is listed under
	 * its resource name.
	 */
	private static final Map<String, String> NAMES = Map.of(ResponseTrackingInterceptor.RESOURCE, "httpClient",
			JdbcLeakRegistry.RESOURCE, "jdbc");

	private final List<LeakSource> sources;

	/**
	 * @param sources the sources, in report order
	 */
	LeakReports(List<LeakSource> sources) {
		this.sources = List.copyOf(sources);
	}

	/**
	 * The section.
	 * @param showDetails whether to include call sites and stacks
	 * @return {@code {"httpClient": {...}, "jdbc": {...}}}, with only the sources present
	 */
	Map<String, LeakSection> report(boolean showDetails) {
		Map<String, LeakSection> report = new LinkedHashMap<>();
		for (LeakSource source : this.sources) {
			report.put(NAMES.getOrDefault(source.resource(), source.resource()), LeakSection.of(source, showDetails));
		}
		return report;
	}

}
