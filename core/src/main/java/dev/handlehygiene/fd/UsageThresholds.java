package dev.handlehygiene.fd;

/**
 * The shares of the descriptor limit at which usage becomes a warning and then critical.
 *
 * @param warning the warning share, in {@code (0, critical)}
 * @param critical the critical share, in {@code (warning, 1]}
 */
public record UsageThresholds(double warning, double critical) {

	/**
	 * Checks {@code 0 < warning < critical <= 1}.
	 * @param warning the warning share
	 * @param critical the critical share
	 */
	public UsageThresholds {
		if (!(warning > 0 && warning < critical && critical <= 1)) {
			throw new IllegalArgumentException("Thresholds must satisfy 0 < warning < critical <= 1, got warning="
					+ warning + ", critical=" + critical);
		}
	}

	/**
	 * The level for a usage share.
	 * @param usage open descriptors divided by the limit
	 * @return the level
	 */
	public UsageLevel levelOf(double usage) {
		if (usage >= this.critical) {
			return UsageLevel.CRITICAL;
		}
		return (usage >= this.warning) ? UsageLevel.WARNING : UsageLevel.OK;
	}

}
