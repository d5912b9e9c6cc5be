package dev.handlehygiene.fd;

/**
 * How close the open count is to the limit.
 */
public enum UsageLevel {

	/** Below the warning share of the limit. */
	OK("ok"),

	/** At or above the warning share, below the critical one. */
	WARNING("warning"),

	/** At or above the critical share: time to restart. */
	CRITICAL("critical"),

	/** The count or the limit cannot be read on this platform. */
	UNSUPPORTED("unsupported");

	private final String label;

	UsageLevel(String label) {
		this.label = label;
	}

	/**
	 * The name used in health details and the {@code fdleaks} endpoint.
	 * @return the label, for example {@code warning}
	 */
	public String label() {
		return this.label;
	}

}
