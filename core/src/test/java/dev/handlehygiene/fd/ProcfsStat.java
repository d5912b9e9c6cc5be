package dev.handlehygiene.fd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whether this machine offers the O(1) count, read independently of the probe under test:
 * the size of {@code /proc/self/fd} is the number of open descriptors from Linux 6.2 on,
 * and reads 0 before (or fails where there is no procfs), where the probe falls back to
 * the MXBean. Also the count method the test run forces, if any:
 * {@code ./mvnw verify -Dhandle-hygiene.count-method=mxbean} passes
 * {@value #COUNT_METHOD_PROPERTY} to every test JVM, which Spring binds like any other
 * property and which child JVMs are given too.
 */
public final class ProcfsStat {

	/** The starter's property, set as a system property for the whole test run. */
	public static final String COUNT_METHOD_PROPERTY = "handle-hygiene.fd.count-method";

	private static final Path DESCRIPTORS = Path.of("/proc/self/fd");

	private ProcfsStat() {
	}

	/**
	 * @return whether the stat size of {@code /proc/self/fd} counts the open descriptors
	 * here
	 */
	public static boolean isSupported() {
		try {
			return Files.readAttributes(DESCRIPTORS, BasicFileAttributes.class).size() > 0;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

	/**
	 * @return the count method the test run asks for: {@code auto} unless
	 * {@value #COUNT_METHOD_PROPERTY} is set
	 */
	public static CountMethodPreference forcedPreference() {
		String label = System.getProperty(COUNT_METHOD_PROPERTY, CountMethodPreference.AUTO.label());
		CountMethodPreference preference = CountMethodPreference.ofLabel(label);
		if (preference == null) {
			throw new IllegalStateException(
					COUNT_METHOD_PROPERTY + "=" + label + " is none of " + CountMethodPreference.labels());
		}
		return preference;
	}

	/**
	 * @return a probe of this process with the count method the test run asks for, as the
	 * starter's bean is built
	 */
	public static FileDescriptorProbe probe() {
		return new FileDescriptorProbe(forcedPreference());
	}

	/**
	 * @return the method a probe left to choose ({@code auto}) takes on this machine:
	 * {@code procfs-stat} where the stat size counts, {@code mxbean} otherwise
	 */
	public static CountMethod automaticCountMethod() {
		return isSupported() ? CountMethod.PROCFS_STAT : CountMethod.MXBEAN;
	}

	/**
	 * @return the method the starter's probe (and {@link #probe()}) must take in this
	 * test run on this machine
	 */
	public static CountMethod expectedCountMethod() {
		return switch (forcedPreference()) {
			case AUTO -> automaticCountMethod();
			case MXBEAN -> CountMethod.MXBEAN;
			case PROCFS_STAT -> isSupported() ? CountMethod.PROCFS_STAT : CountMethod.UNSUPPORTED;
		};
	}

}
