package dev.handlehygiene.actuate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.handlehygiene.fd.DescriptorInventory;
import dev.handlehygiene.fd.DescriptorSampler;
import dev.handlehygiene.fd.DescriptorType;
import dev.handlehygiene.fd.DescriptorUsage;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.audit.AuditedSetting;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * {@code /actuator/fdleaks}: what the process has open, by type, file and TCP state and remote, and how close it is
 * to its limit. Counts are always shown; paths and remote addresses are details, shown as
 * {@code management.endpoint.fdleaks.show-details} says.
 */
@Endpoint(id = "fdleaks")
public class FdLeaksEndpoint {

	/** The prefix of the endpoint's own settings. */
	public static final String PROPERTIES_PREFIX = "management.endpoint.fdleaks";

	static final String SHOW_DETAILS_PROPERTY = PROPERTIES_PREFIX + ".show-details";

	private static final String HIDDEN_DETAILS = "File paths, remote addresses, call sites and setting values are "
			+ "hidden; set " + SHOW_DETAILS_PROPERTY + "=always, or when-authorized with an authorized user, to show them";

	/** Sections that hold counts only: they lose nothing when details are hidden, so they do not say so. */
	private static final Set<String> COUNTS_ONLY = Set.of("types", "trend");

	/** Each section and how to cut it out of a full report. */
	private static final Map<String, Function<FdLeaksReport, Object>> SECTIONS = sections();

	private final FileDescriptorProbe probe;

	private final FileDescriptorInventory inventory;

	private final UsageThresholds thresholds;

	private final SettingsAudit settingsAudit;

	private final LeakReports leakReports;

	private final DescriptorSampler sampler;

	private final Show showDetails;

	private final int top;

	/**
	 * @param probe the O(1) count and limits
	 * @param inventory the on-demand listing
	 * @param thresholds the warning and critical shares
	 * @param settingsAudit the audit of timeouts and limits
	 * @param leakReports the leak trackers' counts and call sites
	 * @param sampler the growth trend, or {@code null} to leave the {@code trend} section out
	 * @param showDetails when to show paths, remote addresses and setting values
	 * @param top how many files and remotes to list
	 */
	public FdLeaksEndpoint(FileDescriptorProbe probe, FileDescriptorInventory inventory, UsageThresholds thresholds,
			SettingsAudit settingsAudit, LeakReports leakReports, DescriptorSampler sampler, Show showDetails,
			int top) {
		this.probe = probe;
		this.inventory = inventory;
		this.thresholds = thresholds;
		this.settingsAudit = settingsAudit;
		this.leakReports = leakReports;
		this.sampler = sampler;
		this.showDetails = showDetails;
		this.top = top;
	}

	/**
	 * The whole report, over a technology with no user to authorize (JMX): details follow
	 * {@code show-details}, with {@code when-authorized} counting as authorized, as Spring Boot's own endpoints do.
	 * @return the report
	 */
	@ReadOperation
	public FdLeaksReport fdLeaks() {
		return report(this.showDetails.isShown(true));
	}

	/**
	 * One section of the report.
	 * @param section one of {@link #sectionNames()}
	 * @return the section, or {@code null} (404) for an unknown one
	 */
	@ReadOperation
	public Map<String, Object> fdLeaksSection(@Selector String section) {
		return section(section, this.showDetails.isShown(true));
	}

	/**
	 * The whole report.
	 * @param showDetails whether to include paths and remote addresses
	 * @return the report
	 */
	public FdLeaksReport report(boolean showDetails) {
		DescriptorUsage usage = DescriptorUsage.read(this.probe, this.thresholds);
		DescriptorInventory listing = this.inventory.take(this.top);
		long hardLimit = this.probe.hardLimit();
		Map<String, Integer> types = new LinkedHashMap<>();
		for (DescriptorType type : DescriptorType.values()) {
			types.put(type.label(), listing.types().getOrDefault(type, 0));
		}
		TcpReport tcp = new TcpReport(listing.tcpStates(), showDetails ? listing.remotes() : null);
		List<AuditedSetting> settings = this.settingsAudit.run();
		if (!showDetails) {
			settings = settings.stream().map(AuditedSetting::withoutValue).toList();
		}
		return new FdLeaksReport(usage.level().label(), known(usage.open()), known(usage.limit()), known(hardLimit),
				usage.isKnown() ? usage.usage() : null, usage.method().label(), types, tcp,
				showDetails ? listing.files() : null, this.leakReports.report(showDetails), settings,
				(this.sampler != null) ? TrendReport.of(this.sampler.trend()) : null,
				showDetails ? null : HIDDEN_DETAILS, listing.error());
	}

	/**
	 * One section of the report, as {@code {"<section>": ...}}.
	 * @param section the section's name
	 * @param showDetails whether to include paths and remote addresses
	 * @return the section, or {@code null} for an unknown name
	 */
	public Map<String, Object> section(String section, boolean showDetails) {
		Function<FdLeaksReport, Object> cut = SECTIONS.get(section);
		if (cut == null) {
			return null;
		}
		FdLeaksReport report = report(showDetails);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(section, cut.apply(report));
		if (report.hiddenDetails() != null && !COUNTS_ONLY.contains(section)) {
			body.put("hiddenDetails", report.hiddenDetails());
		}
		// actuator output: written by the endpoint's mapper, not the application's
		return OperationResponseBody.of(body);
	}

	/**
	 * The names {@code /actuator/fdleaks/{section}} accepts.
	 * @return the section names
	 */
	public static List<String> sectionNames() {
		return List.copyOf(SECTIONS.keySet());
	}

	private static Long known(long value) {
		return (value < 0) ? null : value;
	}

	private static Map<String, Function<FdLeaksReport, Object>> sections() {
		Map<String, Function<FdLeaksReport, Object>> sections = new LinkedHashMap<>();
		sections.put("types", FdLeaksReport::types);
		sections.put("tcp", FdLeaksReport::tcp);
		// hidden files are an empty list here, so the section keeps its shape
		sections.put("files", (report) -> (report.files() != null) ? report.files() : List.of());
		sections.put("leaks", FdLeaksReport::leaks);
		sections.put("settings", FdLeaksReport::settings);
		sections.put("trend", FdLeaksReport::trend);
		return Collections.unmodifiableMap(sections);
	}

}
