package dev.handlehygiene.audit;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.handlehygiene.defaults.DefaultKeys;

/**
 * Counts the safe defaults in force on what this application really runs: a default
 * counts once an auditor has read it back from a live server, client or pool with the
 * starter as its origin. A Tomcat key on Netty, a Hikari key without a
 * {@code HikariDataSource} or a client timeout without Spring Boot's client settings has
 * no such reading.
 */
class AppliedDefaults {

	private final SettingOrigins origins;

	AppliedDefaults(SettingOrigins origins) {
		this.origins = origins;
	}

	/**
	 * The keys of the starter's defaults in force on the audited objects.
	 * @param audited the settings the auditors read
	 * @return the keys, sorted, each once (a server with two connectors reports a key
	 * twice)
	 */
	Set<String> keys(List<AuditedSetting> audited) {
		Set<String> keys = new TreeSet<>();
		for (AuditedSetting setting : audited) {
			if (SettingOrigins.HANDLE_HYGIENE_DEFAULT.equals(setting.origin())) {
				keys.add(setting.key());
			}
		}
		// no auditor reads the liveness group back: it applies wherever the actuator's
		// health endpoint runs, and the
		// starter brings the actuator
		if (this.origins.isHandleHygieneDefault(DefaultKeys.LIVENESS_GROUP)) {
			keys.add(DefaultKeys.LIVENESS_GROUP);
		}
		return keys;
	}

	/**
	 * How many of the starter's defaults are in force on the audited objects.
	 * @param audited the settings the auditors read
	 * @return the count; 0 when the defaults are switched off
	 */
	int count(List<AuditedSetting> audited) {
		return keys(audited).size();
	}

}
