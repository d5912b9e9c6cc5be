package dev.handlehygiene.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Markdown table of the project README, found between {@code <!-- name:start -->} and
 * {@code <!-- name:end -->}, so that a test can hold it against the code it documents.
 */
final class ReadmeTable {

	/**
	 * The module's tests run in {@code autoconfigure/}; the README is the reactor root's.
	 */
	static final Path README = Path.of("..", "README.md");

	private final String name;

	private final List<List<String>> rows;

	private ReadmeTable(String name, List<List<String>> rows) {
		this.name = name;
		this.rows = rows;
	}

	/**
	 * Reads the table between the named markers.
	 * @param name the marker's name, for example {@code properties}
	 * @return the table's body rows, header and separator left out
	 */
	static ReadmeTable read(String name) {
		String text;
		try {
			text = Files.readString(README);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + README.toAbsolutePath(), ex);
		}
		String start = startMarker(name);
		String end = endMarker(name);
		int from = text.indexOf(start);
		int to = text.indexOf(end);
		if (from < 0 || to < from) {
			throw new IllegalStateException(README + " has no table between " + start + " and " + end);
		}
		List<List<String>> rows = new ArrayList<>();
		List<String> lines = text.substring(from + start.length(), to)
			.lines()
			.map(String::strip)
			.filter((line) -> line.startsWith("|"))
			.toList();
		// the first two lines are the header and the separator
		for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
			rows.add(cells(line));
		}
		return new ReadmeTable(name, rows);
	}

	static String startMarker(String name) {
		return "<!-- " + name + ":start -->";
	}

	static String endMarker(String name) {
		return "<!-- " + name + ":end -->";
	}

	String name() {
		return this.name;
	}

	List<List<String>> rows() {
		return this.rows;
	}

	/** Splits a row on the pipes outside code spans. */
	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean inCode = false;
		String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
		for (char c : inner.toCharArray()) {
			if (c == '`') {
				inCode = !inCode;
			}
			if (c == '|' && !inCode) {
				cells.add(cell.toString().strip());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString().strip());
		return cells;
	}

	/**
	 * A cell without the backticks of a code span.
	 * @param cell a cell such as {@code `10s`}
	 * @return {@code 10s}
	 */
	static String code(String cell) {
		return (cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")) ? cell.substring(1, cell.length() - 1)
				: cell;
	}

	/**
	 * One row as Markdown.
	 * @param cells the cells
	 * @return {@code | a | b |}
	 */
	static String row(String... cells) {
		return "| " + String.join(" | ", Arrays.asList(cells)) + " |";
	}

}
