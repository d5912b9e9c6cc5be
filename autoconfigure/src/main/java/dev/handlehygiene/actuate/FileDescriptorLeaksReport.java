package dev.handlehygiene.actuate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.audit.AuditedSetting;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnosis;
import dev.handlehygiene.fd.FileDescriptorTrend;
import dev.handlehygiene.fd.PathCount;
import dev.handlehygiene.fd.RemoteCount;
import dev.handlehygiene.fd.TcpState;
import dev.handlehygiene.leak.LeakEvent;
import dev.handlehygiene.leak.LeakSite;
import dev.handlehygiene.leak.LeakSource;

/**
 * The body of {@code GET /actuator/fdleaks}. Absent fields are omitted: an unknown count,
 * a hidden detail. Actuator output, so the endpoint's own JSON mapper writes it, whatever
 * the application's {@code spring.jackson.*}.
 *
 * @param level {@code ok}, {@code warning}, {@code critical} or {@code unsupported}, as
 * health's {@code level}
 * @param open open descriptors
 * @param limit the soft limit
 * @param hardLimit the hard limit
 * @param usage {@code open / limit}
 * @param countMethod how {@code open} was read: {@code procfs-stat} or {@code mxbean}
 * @param types descriptors per type
 * @param tcp this process's TCP sockets
 * @param files the most-opened files (a detail)
 * @param leaks unclosed resources per tracker; call sites and stacks are details
 * @param settings the audited timeouts and limits; values are details
 * @param trend the growth of the open count and the projected time to the limit
 * @param diagnosis the groups of descriptors that grew over the trend window, most first,
 * with their likely causes; paths, addresses and sites are details
 * @param hiddenDetails what was left out and how to show it, when details are hidden
 * @param partial {@code true} when part of the inventory could not be read (so the types
 * and TCP counts are lower than the truth); absent when it is complete
 * @param inventoryError why the inventory is empty or partial
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileDescriptorLeaksReport(String level, @Nullable Long open, @Nullable Long limit,
		@Nullable Long hardLimit, @Nullable Double usage, String countMethod, Map<String, Integer> types,
		TcpSection tcp, @Nullable List<PathCount> files, Map<String, LeakSection> leaks, List<AuditedSetting> settings,
		@Nullable TrendSection trend, @Nullable DiagnosisSection diagnosis, @Nullable String hiddenDetails,
		@Nullable Boolean partial, @Nullable String inventoryError) implements OperationResponseBody {

	/**
	 * The {@code tcp} section: only sockets this process holds.
	 *
	 * @param states sockets per state; many in {@code CLOSE_WAIT} means responses nobody
	 * closed
	 * @param remotes sockets per remote address and state, most first (a detail)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TcpSection(Map<TcpState, Integer> states, @Nullable List<RemoteCount> remotes) {
	}

	/**
	 * The {@code trend} section of {@code /actuator/fdleaks}: the growth of the open
	 * count over the trend window and the time left until the limit at that growth.
	 * Durations are ISO-8601 strings, to the second.
	 *
	 * @param window the span the trend covers, such as {@code PT10M}
	 * @param samples how many samples it holds now
	 * @param perMinute growth in descriptors per minute (least squares), absent before 2
	 * samples
	 * @param fit how well a line explains the samples (R², 0 to 1): below 0.8 nothing is
	 * projected
	 * @param projectedExhaustion time left until the limit, absent when the samples show
	 * no steady growth
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TrendSection(String window, int samples, @Nullable Double perMinute, @Nullable Double fit,
			@Nullable String projectedExhaustion) {

		/**
		 * The report of a trend.
		 * @param trend the trend
		 * @return its report
		 */
		public static TrendSection of(FileDescriptorTrend trend) {
			return new TrendSection(trend.window().truncatedTo(ChronoUnit.SECONDS).toString(), trend.samples(),
					round(trend.perMinute(), 100), round(trend.fit(), 1000), iso(trend.projectedExhaustion()));
		}

		static @Nullable String iso(@Nullable Duration duration) {
			return (duration != null) ? duration.truncatedTo(ChronoUnit.SECONDS).toString() : null;
		}

		private static @Nullable Double round(@Nullable Double value, int scale) {
			return (value != null) ? Math.round(value * scale) / (double) scale : null;
		}

	}

	/**
	 * The {@code diagnosis} section: the groups of descriptors that grew over the trend
	 * window, most growth first (never by size), each with its likely cause. Absent
	 * fields are omitted.
	 *
	 * @param window the trend window the growth is measured over, such as {@code PT10M}
	 * @param findings the groups that grew, most first
	 * @param reason why there are no findings
	 * @param partial {@code true} when the latest census failed (at the descriptor limit,
	 * for one), so the findings are those of the censuses before it
	 * @param error why the latest census failed
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DiagnosisSection(String window, List<Finding> findings, @Nullable String reason,
			@Nullable Boolean partial, @Nullable String error) {

		/**
		 * The report of a diagnosis.
		 * @param diagnosis the diagnosis
		 * @param showDetails whether to include groups (paths, addresses) and sites
		 * @return its report
		 */
		public static DiagnosisSection of(FileDescriptorDiagnosis diagnosis, boolean showDetails) {
			return new DiagnosisSection(diagnosis.window().truncatedTo(ChronoUnit.SECONDS).toString(),
					diagnosis.findings().stream().map((finding) -> Finding.of(finding, showDetails)).toList(),
					diagnosis.reason(), diagnosis.partial() ? true : null, diagnosis.error());
		}

		/**
		 * One group that grew.
		 *
		 * @param group what grew: a path, a directory, a remote and state, a type (a
		 * detail)
		 * @param kind what kind of group: {@code file}, {@code files-under},
		 * {@code directory}, {@code tcp}, {@code tcp-accepted}, {@code tcp-listen},
		 * {@code socket}, {@code selectors}, {@code anon_inode} or {@code type}
		 * @param open its descriptors now
		 * @param growth how many more than at the start of the window
		 * @param perMinute the growth per minute
		 * @param cause the likely cause, in a sentence; it names no path or address
		 * @param sites the application lines that hold it, where the starter tracks them
		 * (a detail)
		 */
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public record Finding(@Nullable String group, String kind, int open, int growth, double perMinute, String cause,
				@Nullable List<String> sites) {

			static Finding of(FileDescriptorDiagnosis.Finding finding, boolean showDetails) {
				return new Finding(showDetails ? finding.group() : null, finding.kind(), finding.open(),
						finding.growth(), Math.round(finding.perMinute() * 10) / 10.0, finding.cause(),
						showDetails ? finding.sites() : null);
			}

		}

	}

	/**
	 * One resource's part of the {@code leaks} section, the same shape for every
	 * resource. Absent fields are omitted.
	 *
	 * @param open tracked resources open now, where the source tracks them (HTTP
	 * responses)
	 * @param suspected still open too long: HTTP responses past the maximum open age,
	 * JDBC connections reported and not returned yet
	 * @param leaked reported leaked since start-up
	 * @param sites call sites with their counts and a stack (a detail)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LeakSection(@Nullable Long open, long suspected, long leaked, @Nullable List<Site> sites) {

		/**
		 * The report of a source.
		 * @param source the source
		 * @param showDetails whether to include the call sites
		 * @return its report
		 */
		public static LeakSection of(LeakSource source, boolean showDetails) {
			long open = source.open();
			List<Site> sites = showDetails ? source.sites().stream().map(Site::of).toList() : null;
			return new LeakSection((open >= 0) ? open : null, source.suspected(), source.leaked(), sites);
		}

		/**
		 * Where resources were opened and leaked.
		 *
		 * @param site the first application frame, as
		 * {@code com.acme.Foo.bar(Foo.java:42)}
		 * @param pool the pool, {@code none} for resources not pooled
		 * @param leaked leaks from here
		 * @param suspected resources from here still open too long
		 * @param stack a stack that led here, innermost first
		 * @param recent the most recent leaks from here, where the source keeps them
		 * (JDBC: which connection, thread, when reported and when returned)
		 */
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public record Site(String site, String pool, long leaked, long suspected, List<String> stack,
				@Nullable List<Event> recent) {

			static Site of(LeakSite site) {
				List<Event> recent = site.recent().isEmpty() ? null : site.recent().stream().map(Event::of).toList();
				return new Site(site.site(), site.pool(), site.leaked(), site.suspected(), site.stack(), recent);
			}

		}

		/**
		 * One recent leak.
		 *
		 * @param name the resource as its owner names it
		 * @param thread the thread that held it
		 * @param detectedAt when it was reported
		 * @param closedAt when it was closed (a connection: returned to its pool), absent
		 * while still open
		 */
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public record Event(String name, String thread, Instant detectedAt, @Nullable Instant closedAt) {

			static Event of(LeakEvent event) {
				return new Event(event.name(), event.thread(), event.detectedAt(), event.closedAt());
			}

		}

	}

}
