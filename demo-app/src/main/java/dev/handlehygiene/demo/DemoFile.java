package dev.handlehygiene.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * The file the file endpoints open, created at startup in a fresh temporary directory, so
 * that the path {@code /actuator/fdleaks} lists belongs to this demo alone. Its path is
 * logged at startup. The directory endpoints list that directory.
 */
@Component
class DemoFile {

	private static final Log logger = LogFactory.getLog(DemoFile.class);

	private final Path path;

	DemoFile() throws IOException {
		Path directory = Files.createTempDirectory("handle-hygiene-demo-");
		Path file = Files.writeString(directory.resolve("demo.txt"), "A file the demo opens and forgets to close.\n");
		// deleteOnExit deletes in reverse order of registration: the file first, then its
		// directory
		directory.toFile().deleteOnExit();
		file.toFile().deleteOnExit();
		// the endpoint lists what the kernel reports (the link in /proc/self/fd), which
		// has symbolic links resolved
		this.path = file.toRealPath();
		logger.info("Demo file for /leak/file and /ok/file: " + this.path);
	}

	Path path() {
		return this.path;
	}

	/**
	 * The demo's own temporary directory, which holds the file.
	 * @return the directory, with symbolic links resolved like the file's path
	 */
	Path directory() {
		return this.path.getParent();
	}

}
