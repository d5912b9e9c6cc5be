package dev.handlehygiene.restart;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.health.contributor.Health;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnosis;
import dev.handlehygiene.fd.FileDescriptorSnapshot;
import dev.handlehygiene.fd.RemoteCount;
import dev.handlehygiene.fd.TcpState;

/**
 * The one ERROR line logged before an exit on critical descriptors: what the health
 * indicator saw, how long, where the sockets go and, with a diagnostician, what grew (the
 * diagnosis' findings), so that the log alone tells an operator what leaked after the
 * process is gone.
 */
final class RestartEvidence {

	/**
	 * The health details worth a line, in this order; others (countMethod, level) add
	 * little here.
	 */
	private static final List<String> DETAILS = List.of("open", "limit", "usage", "rule", "timeToLimit", "perMinute",
			"projectedExhaustion");

	private RestartEvidence() {
	}

	/**
	 * Describes why the process exits.
	 * @param reason the rule that ended the wait
	 * @param health the health read last
	 * @param inventory the descriptors, taken just now; its remotes in CLOSE_WAIT are
	 * reported
	 * @param topRemotes how many CLOSE_WAIT remotes to name at most
	 * @param exitCode the code the process will exit with
	 * @return one line
	 */
	static String describe(ExitReason reason, Health health, FileDescriptorSnapshot inventory, int topRemotes,
			int exitCode) {
		return reason.words() + ": " + details(health.getDetails()) + "; CLOSE_WAIT remotes: "
				+ closeWaitRemotes(inventory, topRemotes)
				+ ". Publishing LivenessState.BROKEN, shutting down gracefully and exiting with code " + exitCode
				+ " so that the supervisor starts a fresh process (" + RestartKeys.EXIT_ON_CRITICAL
				+ "=true, exit rule " + reason.rule() + ")";
	}

	/**
	 * Describes why the process exits, with what grew.
	 * @param reason the rule that ended the wait
	 * @param health the health read last
	 * @param inventory the descriptors, taken just now; its remotes in CLOSE_WAIT are
	 * reported
	 * @param topRemotes how many CLOSE_WAIT remotes to name at most
	 * @param diagnosis the groups that grew, diagnosed just now
	 * @param topFindings how many findings to name at most
	 * @param exitCode the code the process will exit with
	 * @return one line
	 */
	static String describe(ExitReason reason, Health health, FileDescriptorSnapshot inventory, int topRemotes,
			FileDescriptorDiagnosis diagnosis, int topFindings, int exitCode) {
		return reason.words() + ": " + details(health.getDetails()) + "; CLOSE_WAIT remotes: "
				+ closeWaitRemotes(inventory, topRemotes) + ". " + diagnosis.summary(topFindings)
				+ ". Publishing LivenessState.BROKEN, shutting down gracefully and exiting with code " + exitCode
				+ " so that the supervisor starts a fresh process (" + RestartKeys.EXIT_ON_CRITICAL
				+ "=true, exit rule " + reason.rule() + ")";
	}

	private static String details(Map<String, Object> details) {
		String known = DETAILS.stream()
			.filter(details::containsKey)
			.map((name) -> name + "=" + value(name, details.get(name)))
			.collect(Collectors.joining(", "));
		return known.isEmpty() ? "no details" : known;
	}

	private static String value(String name, @Nullable Object value) {
		if ("usage".equals(name) && value instanceof Number usage) {
			return String.format(Locale.ROOT, "%.1f%%", usage.doubleValue() * 100);
		}
		if ("perMinute".equals(name) && value instanceof Number perMinute) {
			return String.format(Locale.ROOT, "%.1f", perMinute.doubleValue());
		}
		return String.valueOf(value);
	}

	private static String closeWaitRemotes(FileDescriptorSnapshot inventory, int topRemotes) {
		if (inventory == null) {
			return "not read";
		}
		String remotes = inventory.remotes()
			.stream()
			.filter((remote) -> remote.state() == TcpState.CLOSE_WAIT)
			.limit(topRemotes)
			.map(RestartEvidence::remote)
			.collect(Collectors.joining(", "));
		String listed = remotes.isEmpty() ? "none" : remotes;
		// at the limit the inventory itself may fail for want of a descriptor: say so
		// rather than "none"
		return (inventory.error() != null) ? listed + " (inventory incomplete: " + inventory.error() + ")" : listed;
	}

	private static String remote(RemoteCount remote) {
		return remote.remote() + " x" + remote.count();
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
	}

}
