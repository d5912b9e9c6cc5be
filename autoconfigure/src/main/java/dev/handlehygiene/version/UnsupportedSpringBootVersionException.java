package dev.handlehygiene.version;

/**
 * The application runs on a Spring Boot older than the one the starter is built for.
 */
class UnsupportedSpringBootVersionException extends RuntimeException {

	private final String requiredVersion;

	private final String foundVersion;

	/**
	 * @param requiredVersion the oldest Spring Boot line the starter supports, for
	 * example {@code 4.0}
	 * @param foundVersion the application's Spring Boot version, {@code null} when Boot
	 * cannot tell
	 */
	UnsupportedSpringBootVersionException(String requiredVersion, String foundVersion) {
		super("handle-hygiene needs Spring Boot " + requiredVersion + " or later, but this application runs on "
				+ describe(foundVersion));
		this.requiredVersion = requiredVersion;
		this.foundVersion = foundVersion;
	}

	/**
	 * @return the oldest Spring Boot line the starter supports
	 */
	public String getRequiredVersion() {
		return this.requiredVersion;
	}

	/**
	 * @return the application's Spring Boot version, for example {@code 3.5.7}
	 */
	public String getFoundVersion() {
		return this.foundVersion;
	}

	/**
	 * @return "Spring Boot 3.5.7", or a phrase saying the version is unknown
	 */
	String foundDescription() {
		return describe(this.foundVersion);
	}

	private static String describe(String version) {
		return (version != null) ? "Spring Boot " + version : "an older Spring Boot (its version is unknown)";
	}

}
