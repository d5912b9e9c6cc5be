package dev.handlehygiene.fd;

/**
 * How {@link FileDescriptorProbe} obtains the open-descriptor count.
 */
public enum CountMethod {

	/**
	 * The size that {@code stat} reports for {@code /proc/self/fd}: exact, O(1), needs no
	 * descriptor (Linux 6.2+).
	 */
	PROCFS_STAT("procfs-stat"),

	/**
	 * {@code UnixOperatingSystemMXBean}, which lists the descriptor directory: O(n),
	 * fails at the limit.
	 */
	MXBEAN("mxbean"),

	/** Neither works on this platform: the count is unknown. */
	UNSUPPORTED("unsupported");

	private final String label;

	CountMethod(String label) {
		this.label = label;
	}

	/**
	 * The name used in health details and the {@code fdleaks} endpoint.
	 * @return the label, for example {@code procfs-stat}
	 */
	public String label() {
		return this.label;
	}

}
