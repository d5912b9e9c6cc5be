package dev.handlehygiene.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's properties as the build's {@code spring-configuration-metadata.json}
 * describes them: what an IDE shows, and what the README's property table must say.
 */
final class PropertyMetadata {

	/**
	 * The prefixes of the starter's own properties; every other entry in the file is none
	 * of the README's business.
	 */
	static final List<String> PREFIXES = List.of("handle-hygiene.", "management.endpoint.fdleaks.",
			"management.health.file-descriptors.");

	private PropertyMetadata() {
	}

	/**
	 * Reads the metadata the configuration processor wrote for this module, not any other
	 * jar's.
	 * @return each property by name, in name order
	 */
	static Map<String, Property> read() {
		Path file = metadataFile();
		JsonNode root;
		try {
			root = JsonMapper.builder().build().readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		Map<String, Property> properties = new TreeMap<>();
		StreamSupport.stream(root.path("properties").spliterator(), false)
			.filter((node) -> PREFIXES.stream().anyMatch(node.path("name").asString()::startsWith))
			.forEach((node) -> {
				Property property = Property.of(node);
				properties.put(property.name(), property);
			});
		return properties;
	}

	private static Path metadataFile() {
		try {
			Path classes = Path
				.of(FileDescriptorProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return classes.resolve("META-INF/spring-configuration-metadata.json");
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One property, with its type and default as the README writes them.
	 *
	 * @param name the full name
	 * @param type the simple type, such as {@code Duration} or {@code List<String>}
	 * @param defaultValue the default as written in a property file, or {@code null} when
	 * there is none
	 * @param description the Javadoc sentence the IDE shows
	 */
	record Property(String name, String type, String defaultValue, String description) {

		static Property of(JsonNode node) {
			JsonNode defaultValue = node.get("defaultValue");
			return new Property(node.path("name").asString(), simpleType(node.path("type").asString()),
					(defaultValue == null || defaultValue.isNull()) ? null : defaultValue.asString(),
					node.path("description").asString());
		}

		/** {@code java.util.List<java.lang.String>} reads {@code List<String>}. */
		static String simpleType(String type) {
			return type.replaceAll("[a-z][a-zA-Z0-9_]*\\.", "").replace('$', '.');
		}

		/**
		 * The default cell: the value as code, or what the absence of a value means.
		 * @return for example {@code `10s`}
		 */
		String defaultCell() {
			if (this.defaultValue != null) {
				return "`" + this.defaultValue + "`";
			}
			return (this.type.startsWith("List<") || this.type.startsWith("Set<")) ? "(empty)" : "(none)";
		}

		/**
		 * The row the README's table should hold for this property.
		 * @return the Markdown row
		 */
		String row() {
			return ReadmeTable.row("`" + this.name + "`", "`" + this.type + "`", defaultCell(), this.description);
		}

	}

}
