package dev.handlehygiene.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.autoconfigure.PropertyMetadata.Property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The README's property table says what the build's configuration metadata says, so that
 * it cannot drift: every property of the starter has a row, every row is a property, and
 * each row's type, default and description are the metadata's. The description may go on
 * after the metadata's sentence (a link to the section that explains it).
 */
class ReadmePropertiesTableTest {

	private static final String TABLE = "properties";

	private static final String RERUN = "./mvnw -B -q -pl autoconfigure -am verify -Dtest=ReadmePropertiesTableTest"
			+ " -Dsurefire.failIfNoSpecifiedTests=false";

	@Test
	void everyPropertyInTheMetadataHasItsRowAndEveryRowIsAProperty() {
		Map<String, Property> metadata = PropertyMetadata.read();
		assertThat(metadata).as("the starter's properties in the build's metadata").isNotEmpty();
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (List<String> cells : ReadmeTable.read(TABLE).rows()) {
			rows.put(ReadmeTable.code(cells.get(0)), cells);
		}
		List<String> problems = new ArrayList<>();
		metadata.values()
			.stream()
			.filter((property) -> !rows.containsKey(property.name()))
			.forEach((property) -> problems.add("missing row, paste it into the table:\n" + property.row()));
		rows.keySet()
			.stream()
			.filter((name) -> !metadata.containsKey(name))
			.forEach((name) -> problems.add("row for a property the metadata does not have: " + name));
		rows.forEach((name, cells) -> {
			Property property = metadata.get(name);
			if (property != null && !agrees(property, cells)) {
				problems.add("row differs from the metadata:\n  README: "
						+ ReadmeTable.row(cells.toArray(String[]::new)) + "\n  should: " + property.row());
			}
		});
		if (!problems.isEmpty()) {
			fail(problems.size() + " difference(s) between " + ReadmeTable.README + " (between "
					+ ReadmeTable.startMarker(TABLE) + " and " + ReadmeTable.endMarker(TABLE)
					+ ") and target/classes/META-INF/spring-configuration-metadata.json:\n\n"
					+ String.join("\n\n", problems)
					+ "\n\nOr replace everything between the markers with this table (text after a description is kept"
					+ " only if you copy it back):\n\n" + expectedTable(metadata) + "\n\nTo print this again: "
					+ RERUN);
		}
	}

	/**
	 * Type and default as the metadata has them; the description starts with the
	 * metadata's sentence.
	 */
	private static boolean agrees(Property property, List<String> cells) {
		return cells.size() == 4 && ReadmeTable.code(cells.get(1)).equals(property.type())
				&& cells.get(2).equals(property.defaultCell()) && cells.get(3).startsWith(property.description());
	}

	private static String expectedTable(Map<String, Property> metadata) {
		return ReadmeTable.row("property", "type", "default", "description") + "\n"
				+ ReadmeTable.row("---", "---", "---", "---") + "\n"
				+ metadata.values().stream().map(Property::row).collect(Collectors.joining("\n"));
	}

}
