package dev.handlehygiene.demo;

import java.util.List;

/**
 * {@code GET /actuator/fdleaks/settings}, written down from the documented contract
 * (DESIGN.md, "Safe defaults") rather than borrowed from the starter's classes, so that a
 * renamed field fails a test.
 */
final class SettingsJson {

	private SettingsJson() {
	}

	record SettingsSection(List<Setting> settings) {

		/**
		 * Every entry for one key: one per live object that has it, for example one per
		 * Tomcat connector.
		 */
		List<Setting> withKey(String key) {
			return this.settings.stream().filter((setting) -> setting.key().equals(key)).toList();
		}

	}

	record Setting(String key, String value, String origin, String verdict, String object) {
	}

}
