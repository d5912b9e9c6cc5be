package dev.handlehygiene.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.actuate.FileDescriptorLeaksReport.DiagnosisSection;
import dev.handlehygiene.actuate.FileDescriptorLeaksReport.TcpSection;
import dev.handlehygiene.actuate.FileDescriptorLeaksReport.TrendSection;
import dev.handlehygiene.audit.AuditedSetting;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.fd.FileDescriptorSnapshot;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorType;
import dev.handlehygiene.fd.FileDescriptorUsage;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.InventoryScope;
import dev.handlehygiene.fd.UsageThresholds;
import dev.handlehygiene.leak.LeakSource;

/**
 * {@code /actuator/fdleaks}: what the process has open, by type, file and TCP state and
 * remote, and how close it is to its limit. Counts are always shown; paths and remote
 * addresses are details, shown as {@code management.endpoint.fdleaks.show-details} says.
 * A section reads only what it shows: {@code trend} the sampler, {@code leaks} the
 * trackers, {@code settings} the audit; only {@code types}, {@code files} and {@code tcp}
 * list the descriptors, and only {@code tcp} reads the TCP tables; {@code diagnosis}
 * takes at most one census, none when the sampler took one within its interval.
 */
@Endpoint(id = "fdleaks")
public class FileDescriptorLeaksEndpoint {

	/** The prefix of the endpoint's own settings. */
	public static final String PROPERTIES_PREFIX = "management.endpoint.fdleaks";

	static final String SHOW_DETAILS_PROPERTY = PROPERTIES_PREFIX + ".show-details";

	private static final String HIDDEN_DETAILS = "File paths, remote addresses, call sites and setting values are "
			+ "hidden; set " + SHOW_DETAILS_PROPERTY
			+ "=always, or when-authorized with an authorized user, to show them";

	private static final List<String> SECTION_NAMES = List.of("types", "tcp", "files", "leaks", "settings", "trend",
			"diagnosis");

	/**
	 * Sections that hold counts only: they lose nothing when details are hidden, so they
	 * do not say so.
	 */
	private static final Set<String> COUNTS_ONLY = Set.of("types", "trend");

	private final FileDescriptorProbe probe;

	private final FileDescriptorInventory inventory;

	private final UsageThresholds thresholds;

	private final SettingsAudit settingsAudit;

	private final LeakReports leakReports;

	private final @Nullable FileDescriptorSampler sampler;

	private final @Nullable FileDescriptorDiagnostician diagnostician;

	private final Show showDetails;

	private final int top;

	/**
	 * @param probe the O(1) count and limits
	 * @param inventory the on-demand listing
	 * @param thresholds the warning and critical shares
	 * @param settingsAudit the audit of timeouts and limits
	 * @param leakSources the leak trackers whose counts and call sites the {@code leaks}
	 * section shows, in order
	 * @param sampler the growth trend
	 * @param showDetails when to show paths, remote addresses and setting values
	 * @param top how many files and remotes to list
	 */
	public FileDescriptorLeaksEndpoint(FileDescriptorProbe probe, FileDescriptorInventory inventory,
			UsageThresholds thresholds, SettingsAudit settingsAudit, List<LeakSource> leakSources,
			FileDescriptorSampler sampler, Show showDetails, int top) {
		this(probe, inventory, thresholds, settingsAudit, leakSources, showDetails, top,
				Objects.requireNonNull(sampler, "sampler"), null);
	}

	/**
	 * An endpoint with the {@code trend} and {@code diagnosis} sections.
	 * @param probe the O(1) count and limits
	 * @param inventory the on-demand listing
	 * @param thresholds the warning and critical shares
	 * @param settingsAudit the audit of timeouts and limits
	 * @param leakSources the leak trackers whose counts and call sites the {@code leaks}
	 * section shows, in order
	 * @param sampler the growth trend
	 * @param diagnostician the groups that grew and their causes
	 * @param showDetails when to show paths, remote addresses and setting values
	 * @param top how many files and remotes to list
	 */
	public FileDescriptorLeaksEndpoint(FileDescriptorProbe probe, FileDescriptorInventory inventory,
			UsageThresholds thresholds, SettingsAudit settingsAudit, List<LeakSource> leakSources,
			FileDescriptorSampler sampler, FileDescriptorDiagnostician diagnostician, Show showDetails, int top) {
		this(probe, inventory, thresholds, settingsAudit, leakSources, showDetails, top,
				Objects.requireNonNull(sampler, "sampler"), Objects.requireNonNull(diagnostician, "diagnostician"));
	}

	/**
	 * An endpoint without the {@code trend} section.
	 * @param probe the O(1) count and limits
	 * @param inventory the on-demand listing
	 * @param thresholds the warning and critical shares
	 * @param settingsAudit the audit of timeouts and limits
	 * @param leakSources the leak trackers whose counts and call sites the {@code leaks}
	 * section shows, in order
	 * @param showDetails when to show paths, remote addresses and setting values
	 * @param top how many files and remotes to list
	 */
	public FileDescriptorLeaksEndpoint(FileDescriptorProbe probe, FileDescriptorInventory inventory,
			UsageThresholds thresholds, SettingsAudit settingsAudit, List<LeakSource> leakSources, Show showDetails,
			int top) {
		this(probe, inventory, thresholds, settingsAudit, leakSources, showDetails, top, null, null);
	}

	// the one place the trend and the diagnosis may be missing: the public constructors
	// say so by which one is called
	private FileDescriptorLeaksEndpoint(FileDescriptorProbe probe, FileDescriptorInventory inventory,
			UsageThresholds thresholds, SettingsAudit settingsAudit, List<LeakSource> leakSources, Show showDetails,
			int top, @Nullable FileDescriptorSampler sampler, @Nullable FileDescriptorDiagnostician diagnostician) {
		this.probe = probe;
		this.inventory = inventory;
		this.thresholds = thresholds;
		this.settingsAudit = settingsAudit;
		this.leakReports = new LeakReports(leakSources);
		this.sampler = sampler;
		this.diagnostician = diagnostician;
		this.showDetails = showDetails;
		this.top = top;
	}

	/**
	 * The whole report, over a technology with no user to authorize (JMX): details follow
	 * {@code show-details}, with {@code when-authorized} counting as authorized, as
	 * Spring Boot's own endpoints do.
	 * @return the report
	 */
	@ReadOperation
	public FileDescriptorLeaksReport fdLeaks() {
		return report(this.showDetails.isShown(true));
	}

	/**
	 * One section of the report.
	 * @param section one of {@link #sectionNames()}
	 * @return the section, or {@code null} (404) for an unknown one
	 */
	@ReadOperation
	public @Nullable Map<String, Object> fdLeaksSection(@Selector String section) {
		return section(section, this.showDetails.isShown(true));
	}

	/**
	 * The whole report.
	 * @param showDetails whether to include paths and remote addresses
	 * @return the report
	 */
	public FileDescriptorLeaksReport report(boolean showDetails) {
		FileDescriptorUsage usage = FileDescriptorUsage.read(this.probe, this.thresholds);
		long hardLimit = this.probe.hardLimit();
		// hidden paths and remotes are not even collected
		FileDescriptorSnapshot listing = showDetails ? this.inventory.take(this.top, InventoryScope.ALL)
				: this.inventory.take(0, InventoryScope.TCP);
		return new FileDescriptorLeaksReport(usage.level().label(), known(usage.open()), known(usage.limit()),
				known(hardLimit), usage.isKnown() ? usage.usage() : null, usage.method().label(), types(listing),
				tcp(listing, showDetails), showDetails ? listing.files() : null, this.leakReports.report(showDetails),
				settings(showDetails), trend(), diagnosis(showDetails), showDetails ? null : HIDDEN_DETAILS,
				listing.partial() ? true : null, listing.error());
	}

	/**
	 * One section of the report, as {@code {"<section>": ...}}, reading only what that
	 * section shows. A section taken from a partial inventory also carries
	 * {@code partial} and {@code inventoryError}.
	 * @param section the section's name
	 * @param showDetails whether to include paths and remote addresses
	 * @return the section, or {@code null} for an unknown name
	 */
	public @Nullable Map<String, Object> section(String section, boolean showDetails) {
		SectionContent content = read(section, showDetails);
		if (content == null) {
			return null;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(section, content.value());
		if (content.inventoryError() != null) {
			body.put("partial", true);
			body.put("inventoryError", content.inventoryError());
		}
		if (!showDetails && !COUNTS_ONLY.contains(section)) {
			body.put("hiddenDetails", HIDDEN_DETAILS);
		}
		// actuator output: written by the endpoint's mapper, not the application's
		return OperationResponseBody.of(body);
	}

	/**
	 * The names {@code /actuator/fdleaks/{section}} accepts.
	 * @return the section names
	 */
	public static List<String> sectionNames() {
		return SECTION_NAMES;
	}

	private @Nullable SectionContent read(@Nullable String section, boolean showDetails) {
		if (section == null) {
			return null;
		}
		return switch (section) {
			case "types" -> listed(InventoryScope.TYPES, 0, FileDescriptorLeaksEndpoint::types);
			case "tcp" ->
				listed(InventoryScope.TCP, showDetails ? this.top : 0, (listing) -> tcp(listing, showDetails));
			// hidden files are an empty list, so the section keeps its shape, and nothing
			// is listed for it
			case "files" -> showDetails ? listed(InventoryScope.FILES, this.top, FileDescriptorSnapshot::files)
					: new SectionContent(List.of(), null);
			case "leaks" -> new SectionContent(this.leakReports.report(showDetails), null);
			case "settings" -> new SectionContent(settings(showDetails), null);
			case "trend" -> new SectionContent(trend(), null);
			case "diagnosis" -> new SectionContent(diagnosis(showDetails), null);
			default -> null;
		};
	}

	private SectionContent listed(InventoryScope scope, int top, Function<FileDescriptorSnapshot, Object> cut) {
		FileDescriptorSnapshot listing = this.inventory.take(top, scope);
		return new SectionContent(cut.apply(listing), listing.error());
	}

	private static Map<String, Integer> types(FileDescriptorSnapshot listing) {
		Map<String, Integer> types = new LinkedHashMap<>();
		for (FileDescriptorType type : FileDescriptorType.values()) {
			types.put(type.label(), listing.types().getOrDefault(type, 0));
		}
		return types;
	}

	private static TcpSection tcp(FileDescriptorSnapshot listing, boolean showDetails) {
		return new TcpSection(listing.tcpStates(), showDetails ? listing.remotes() : null);
	}

	private List<AuditedSetting> settings(boolean showDetails) {
		List<AuditedSetting> settings = this.settingsAudit.run();
		return showDetails ? settings : settings.stream().map(AuditedSetting::withoutDetails).toList();
	}

	private @Nullable TrendSection trend() {
		return (this.sampler != null) ? TrendSection.of(this.sampler.trend()) : null;
	}

	private @Nullable DiagnosisSection diagnosis(boolean showDetails) {
		return (this.diagnostician != null) ? DiagnosisSection.of(this.diagnostician.diagnose(), showDetails) : null;
	}

	private static @Nullable Long known(long value) {
		return (value < 0) ? null : value;
	}

	/** What a section shows, and why the inventory it came from is partial, if it is. */
	private record SectionContent(@Nullable Object value, @Nullable String inventoryError) {
	}

}
