package dev.handlehygiene.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The output of a child process (and of its supervisor), redirected to a file under
 * {@code target/}, read as it grows.
 *
 * @param file the file
 */
record ChildLog(Path file) {

	/**
	 * A fresh log file, emptied if an earlier run left one.
	 * @param name the file's name under {@code target/child-logs}
	 * @return the log
	 */
	static ChildLog fresh(String name) {
		Path file = Path.of("target", "child-logs", name);
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ChildLog(file);
	}

	String text() {
		try {
			// the child writes ASCII and UTF-8; a partly written character at the end
			// must not fail the read
			return new String(Files.readAllBytes(this.file), StandardCharsets.ISO_8859_1);
		}
		catch (NoSuchFileException ex) {
			return "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean contains(String text) {
		return text().contains(text);
	}

	/**
	 * How many lines contain a text.
	 * @param text the text
	 * @return the number of lines
	 */
	long countLines(String text) {
		return text().lines().filter((line) -> line.contains(text)).count();
	}

	/**
	 * The lines that contain a text.
	 * @param text the text
	 * @return the lines, in order
	 */
	List<String> lines(String text) {
		return text().lines().filter((line) -> line.contains(text)).toList();
	}

}
