package dev.handlehygiene.diagnosis;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * Which groups of descriptors grew over the trend window, and why they likely did.
 *
 * @param window the trend window the growth is measured over
 * @param findings the groups that grew, most growth first, never by size; the most
 * specific group that explains a growth stands for it
 * @param reason why there are no findings, or {@code null} when there are
 * @param error why the latest census could not be taken, so that the findings are those
 * of the censuses before it (at the descriptor limit, for one), or {@code null}
 */
public record FileDescriptorDiagnosis(Duration window, List<Finding> findings, @Nullable String reason,
		@Nullable String error) {

	public FileDescriptorDiagnosis {
		findings = List.copyOf(findings);
	}

	/**
	 * Whether the findings are those of earlier censuses, the latest having failed.
	 * @return {@code true} when {@link #error()} is set
	 */
	public boolean partial() {
		return this.error != null;
	}

	/**
	 * The same findings, answered from earlier censuses.
	 * @param error why the latest could not be taken
	 * @return the diagnosis, partial
	 */
	public FileDescriptorDiagnosis withError(String error) {
		return new FileDescriptorDiagnosis(this.window, this.findings, this.reason, error);
	}

	/**
	 * The top findings in one line, for operators: group, kind, growth, cause, and the
	 * first site where one is known. Paths and addresses are in it: it is for the log,
	 * not for the endpoint.
	 * @param top how many findings to name at most
	 * @return the line
	 */
	public String summary(int top) {
		String over = "over the last " + this.window.truncatedTo(ChronoUnit.SECONDS);
		StringBuilder line = new StringBuilder();
		if (this.findings.isEmpty()) {
			line.append("No group of file descriptors grew ").append(over).append(": ").append(this.reason);
		}
		else {
			line.append("File descriptors growing ").append(over).append(", most first: ");
			StringJoiner named = new StringJoiner("; ");
			for (Finding finding : this.findings.subList(0, Math.min(top, this.findings.size()))) {
				named.add(finding.summary());
			}
			line.append(named);
			if (this.findings.size() > top) {
				line.append("; and ").append(this.findings.size() - top).append(" more at /actuator/fdleaks/diagnosis");
			}
		}
		if (this.error != null) {
			line.append(" (from the censuses before the latest, which failed: ").append(this.error).append(')');
		}
		return line.toString();
	}

	/**
	 * One group that grew.
	 *
	 * @param group what grew: a path, a directory, {@code 127.0.0.1:5432 ESTABLISHED},
	 * {@code selectors}, a type
	 * @param kind what kind of group it is, as {@code FileDescriptorCensus.Kind}'s label:
	 * {@code file}, {@code files-under}, {@code directory}, {@code tcp},
	 * {@code selectors}, {@code type} and so on
	 * @param open its descriptors now
	 * @param growth how many more than at the start of the window
	 * @param perMinute the growth per minute between the two censuses compared
	 * @param cause the likely cause, in a sentence a person can act on; it names no path
	 * or address
	 * @param sites the application lines that hold what grew, where the starter tracks it
	 * (HTTP responses, JDBC connections), most first; else empty
	 */
	public record Finding(String group, String kind, int open, int growth, double perMinute, String cause,
			List<String> sites) {

		public Finding {
			sites = List.copyOf(sites);
		}

		String summary() {
			String line = String.format(Locale.ROOT, "%s (%s) +%d to %d (%.1f/min): %s", this.group, this.kind,
					this.growth, this.open, this.perMinute, this.cause);
			return this.sites.isEmpty() ? line : line + "; at " + this.sites.get(0);
		}

	}

}
