package dev.handlehygiene.fd;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * One O(1) reading of the open count against the soft limit.
 *
 * @param open open descriptors, or {@link FileDescriptorProbe#UNKNOWN}
 * @param limit the soft limit, or {@link FileDescriptorProbe#UNKNOWN}
 * @param usage {@code open / limit}, or {@code NaN} when either is unknown
 * @param level the level of {@code usage} against the thresholds
 * @param method how the count was obtained
 * @param reason why the count or the limit is unknown, in a sentence; {@code null} when
 * both are known
 */
public record FileDescriptorUsage(long open, long limit, double usage, UsageLevel level, CountMethod method,
		@Nullable String reason) {

	/**
	 * Reads the probe once.
	 * @param probe the probe
	 * @param thresholds the warning and critical shares
	 * @return the reading; never throws
	 */
	public static FileDescriptorUsage read(FileDescriptorProbe probe, UsageThresholds thresholds) {
		long open = probe.count();
		long limit = probe.limit();
		CountMethod method = probe.countMethod();
		if (open < 0 || limit <= 0) {
			return new FileDescriptorUsage(open, limit, Double.NaN, UsageLevel.UNSUPPORTED, method,
					whyUnknown(probe, open, method));
		}
		double usage = (double) open / limit;
		return new FileDescriptorUsage(open, limit, usage, thresholds.levelOf(usage), method, null);
	}

	/**
	 * Whether both the count and the limit are known.
	 * @return {@code true} unless the platform cannot tell
	 */
	public boolean isKnown() {
		return this.level != UsageLevel.UNSUPPORTED;
	}

	// if-else, not a switch: a switch on an enum compiles to a helper class loaded on
	// first use, and the first use of
	// this path may be at the limit, where loading a class from a directory on the
	// classpath fails for want of a
	// descriptor (measured: NoClassDefFoundError at EMFILE)
	private static String whyUnknown(FileDescriptorProbe probe, long open, CountMethod method) {
		Path directory = probe.descriptorDirectory();
		if (open >= 0) {
			return "The descriptor limit cannot be read: the MXBean gives none and "
					+ directory.resolveSibling("limits") + " cannot be read";
		}
		if (method == CountMethod.MXBEAN) {
			// the MXBean lists the directory, which takes a descriptor: exactly what is
			// missing at the limit
			return "The MXBean could not list " + directory
					+ ": listing needs a free descriptor, so it fails at the descriptor limit";
		}
		if (method == CountMethod.PROCFS_STAT) {
			return "Neither the stat size of " + directory + " nor the MXBean could be read";
		}
		String stat = "the stat size of " + directory + " counts nothing here (no procfs, or Linux before 6.2)";
		String mxBean = probe.hasMxBean() ? "the MXBean failed to list it"
				: "there is no UnixOperatingSystemMXBean on this platform";
		if (probe.preference() == CountMethodPreference.PROCFS_STAT) {
			return "The count method procfs-stat was asked for, but " + stat;
		}
		if (probe.preference() == CountMethodPreference.MXBEAN) {
			return "The count method mxbean was asked for, but " + mxBean;
		}
		return "No count method works here: " + stat + ", and " + mxBean;
	}

}
