package dev.handlehygiene.fd;

/**
 * One O(1) reading of the open count against the soft limit.
 *
 * @param open open descriptors, or {@link FileDescriptorProbe#UNKNOWN}
 * @param limit the soft limit, or {@link FileDescriptorProbe#UNKNOWN}
 * @param usage {@code open / limit}, or {@code NaN} when either is unknown
 * @param level the level of {@code usage} against the thresholds
 * @param method how the count was obtained
 */
public record DescriptorUsage(long open, long limit, double usage, UsageLevel level, CountMethod method) {

	/**
	 * Reads the probe once.
	 * @param probe the probe
	 * @param thresholds the warning and critical shares
	 * @return the reading; never throws
	 */
	public static DescriptorUsage read(FileDescriptorProbe probe, UsageThresholds thresholds) {
		long open = probe.count();
		long limit = probe.limit();
		CountMethod method = probe.countMethod();
		if (open < 0 || limit <= 0) {
			return new DescriptorUsage(open, limit, Double.NaN, UsageLevel.UNSUPPORTED, method);
		}
		double usage = (double) open / limit;
		return new DescriptorUsage(open, limit, usage, thresholds.levelOf(usage), method);
	}

	/**
	 * Whether both the count and the limit are known.
	 * @return {@code true} unless the platform cannot tell
	 */
	public boolean isKnown() {
		return this.level != UsageLevel.UNSUPPORTED;
	}

}
