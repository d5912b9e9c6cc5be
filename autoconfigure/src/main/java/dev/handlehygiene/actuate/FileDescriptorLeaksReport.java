package dev.handlehygiene.actuate;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.fd.PathCount;
import dev.handlehygiene.audit.AuditedSetting;

/**
 * The body of {@code GET /actuator/fdleaks}. Absent fields are omitted: an unknown count, a hidden detail. Actuator
 * output, so the endpoint's own JSON mapper writes it, whatever the application's {@code spring.jackson.*}.
 *
 * @param level {@code ok}, {@code warning}, {@code critical} or {@code unsupported}, as health's {@code level}
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
 * @param hiddenDetails what was left out and how to show it, when details are hidden
 * @param partial {@code true} when part of the inventory could not be read (so the types and TCP counts are lower
 * than the truth); absent when it is complete
 * @param inventoryError why the inventory is empty or partial
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileDescriptorLeaksReport(String level, @Nullable Long open, @Nullable Long limit,
		@Nullable Long hardLimit, @Nullable Double usage, String countMethod, Map<String, Integer> types, TcpReport tcp,
		@Nullable List<PathCount> files, Map<String, LeakReport> leaks, List<AuditedSetting> settings,
		@Nullable TrendReport trend, @Nullable String hiddenDetails, @Nullable Boolean partial,
		@Nullable String inventoryError) implements OperationResponseBody {
}
