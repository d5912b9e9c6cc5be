package dev.handlehygiene.actuate;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.leak.LeakEvent;
import dev.handlehygiene.leak.LeakSite;
import dev.handlehygiene.leak.LeakSource;

/**
 * One resource's part of the {@code leaks} section, the same shape for every resource. Absent fields are omitted.
 *
 * @param open tracked resources open now, where the source tracks them (HTTP responses)
 * @param suspected still open too long: HTTP responses past the maximum open age, JDBC connections reported and not
 * returned yet
 * @param leaked reported leaked since start-up
 * @param sites call sites with their counts and a stack (a detail)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeakReport(@Nullable Long open, long suspected, long leaked, @Nullable List<Site> sites) {

	/**
	 * The report of a source.
	 * @param source the source
	 * @param showDetails whether to include the call sites
	 * @return its report
	 */
	public static LeakReport of(LeakSource source, boolean showDetails) {
		long open = source.open();
		List<Site> sites = showDetails ? source.sites().stream().map(Site::of).toList() : null;
		return new LeakReport((open >= 0) ? open : null, source.suspected(), source.leaked(), sites);
	}

	/**
	 * Where resources were opened and leaked.
	 *
	 * @param site the first application frame, as {@code com.acme.Foo.bar(Foo.java:42)}
	 * @param pool the pool, {@code none} for resources not pooled
	 * @param leaked leaks from here
	 * @param suspected resources from here still open too long
	 * @param stack a stack that led here, innermost first
	 * @param recent the most recent leaks from here, where the source keeps them (JDBC: which connection, thread,
	 * when reported and when returned)
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
	 * @param closedAt when it was closed (a connection: returned to its pool), absent while still open
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Event(String name, String thread, Instant detectedAt, @Nullable Instant closedAt) {

		static Event of(LeakEvent event) {
			return new Event(event.name(), event.thread(), event.detectedAt(), event.closedAt());
		}

	}

}
