package dev.handlehygiene.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import dev.handlehygiene.defaults.DefaultKeys;
import dev.handlehygiene.defaults.SafeDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's safe-defaults table lists exactly the keys the starter sets, each with the
 * value it sets: those of {@link SafeDefaults#of}, and the starter's own pool properties
 * with the defaults their metadata and {@link SafeDefaults} give them; every switch the
 * defaults are read with has its metadata.
 */
class ReadmeSafeDefaultsTableTest {

	private static final String TABLE = "safe-defaults";

	/**
	 * How the README writes the connection cap, which depends on the soft descriptor
	 * limit.
	 */
	private static final String MAX_CONNECTIONS_CELL = "min(8192, soft fd limit / 2)";

	private static final Map<String, Duration> POOL_DEFAULTS = Map.of(DefaultKeys.POOL_LEASE_TIMEOUT,
			SafeDefaults.POOL_LEASE_TIMEOUT, DefaultKeys.POOL_MAX_IDLE_TIME, SafeDefaults.POOL_MAX_IDLE_TIME,
			DefaultKeys.POOL_MAX_LIFE_TIME, SafeDefaults.POOL_MAX_LIFE_TIME, DefaultKeys.POOL_PENDING_ACQUIRE_TIMEOUT,
			SafeDefaults.POOL_PENDING_ACQUIRE_TIMEOUT, DefaultKeys.POOL_EVICT_IN_BACKGROUND,
			SafeDefaults.POOL_EVICT_IN_BACKGROUND);

	@Test
	void theTableListsEveryKeyTheStarterSetsWithItsValue() {
		Map<String, String> set = SafeDefaults.of(SafeDefaults.allGroups(), 20_000, (key) -> false);
		Map<String, String> expected = new LinkedHashMap<>();
		set.forEach((key, value) -> expected.put(key,
				key.endsWith(".max-connections") ? MAX_CONNECTIONS_CELL : "`" + value + "`"));
		Map<String, PropertyMetadata.Property> metadata = PropertyMetadata.read();
		POOL_DEFAULTS.keySet().forEach((key) -> expected.put(key, metadata.get(key).defaultCell()));
		assertThat(readmeValues())
			.as("key and starter default of each row between %s and %s in %s", ReadmeTable.startMarker(TABLE),
					ReadmeTable.endMarker(TABLE), ReadmeTable.README)
			.containsExactlyInAnyOrderEntriesOf(expected);
	}

	@Test
	void theConnectionCapIsHalfTheSoftLimitUpToTomcatsOwn() {
		Map<String, String> small = SafeDefaults.of(SafeDefaults.allGroups(), 1_000, (key) -> false);
		Map<String, String> large = SafeDefaults.of(SafeDefaults.allGroups(), 1_048_576, (key) -> false);
		assertThat(List.of(small.get(DefaultKeys.TOMCAT_MAX_CONNECTIONS), small.get(DefaultKeys.JETTY_MAX_CONNECTIONS)))
			.containsOnly("500");
		assertThat(List.of(large.get(DefaultKeys.TOMCAT_MAX_CONNECTIONS), large.get(DefaultKeys.JETTY_MAX_CONNECTIONS)))
			.containsOnly("8192");
	}

	@Test
	void thePoolDefaultsInTheMetadataAreTheOnesTheStarterApplies() {
		Map<String, PropertyMetadata.Property> metadata = PropertyMetadata.read();
		POOL_DEFAULTS.forEach((key, value) -> assertThat(DurationStyle.detectAndParse(metadata.get(key).defaultValue()))
			.as("default of %s in additional-spring-configuration-metadata.json", key)
			.isEqualTo(value));
	}

	@Test
	void everySwitchThePostProcessorReadsHasMetadataOnByDefault() {
		Map<String, PropertyMetadata.Property> metadata = PropertyMetadata.read();
		List<String> switches = new ArrayList<>(List.of(DefaultKeys.DEFAULTS_ENABLED));
		SafeDefaults.allGroups().forEach((group) -> switches.add(group.switchProperty()));
		switches.forEach(
				(key) -> assertThat(metadata.get(key)).as("%s in additional-spring-configuration-metadata.json", key)
					.isNotNull()
					.satisfies((property) -> {
						assertThat(property.type()).isEqualTo("Boolean");
						assertThat(property.defaultValue()).isEqualTo("true");
						assertThat(property.description()).startsWith("Whether ");
					}));
	}

	private static Map<String, String> readmeValues() {
		Map<String, String> values = new LinkedHashMap<>();
		for (List<String> cells : ReadmeTable.read(TABLE).rows()) {
			values.put(ReadmeTable.code(cells.get(0)), cells.get(1));
		}
		return values;
	}

}
