package dev.handlehygiene.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An empty directory standing in for {@code /proc} on a platform that has none: the probe
 * and the inventory are built on it, as an application on such a platform gets them
 * (their roots are injectable; nothing is mocked).
 */
final class EmptyProcRoot {

	private EmptyProcRoot() {
	}

	/**
	 * @return a new empty directory, deleted when the JVM exits
	 */
	static Path create() {
		try {
			Path root = Files.createTempDirectory("no-procfs");
			root.toFile().deleteOnExit();
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
