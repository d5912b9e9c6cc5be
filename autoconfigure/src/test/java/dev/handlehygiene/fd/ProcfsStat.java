package dev.handlehygiene.fd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whether this machine offers the O(1) count, read independently of the probe under test: the size of
 * {@code /proc/self/fd} is the number of open descriptors from Linux 6.2 on, and reads 0 before (or fails where
 * there is no procfs), where the probe falls back to the MXBean.
 */
public final class ProcfsStat {

	private static final Path DESCRIPTORS = Path.of("/proc/self/fd");

	private ProcfsStat() {
	}

	/**
	 * @return whether the stat size of {@code /proc/self/fd} counts the open descriptors here
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
	 * @return the method the default probe must choose on this machine: {@code procfs-stat} where the stat size
	 * counts, {@code mxbean} otherwise
	 */
	public static CountMethod expectedCountMethod() {
		return isSupported() ? CountMethod.PROCFS_STAT : CountMethod.MXBEAN;
	}

}
