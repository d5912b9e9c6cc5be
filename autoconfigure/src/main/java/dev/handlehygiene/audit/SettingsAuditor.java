package dev.handlehygiene.audit;

import java.util.List;

/**
 * Reads the settings of one kind of live object (a server's connectors, a pool, a client)
 * and judges them.
 */
@FunctionalInterface
public interface SettingsAuditor {

	/**
	 * Reads and judges the settings now.
	 * @return the settings, empty where there is nothing of this kind
	 */
	List<AuditedSetting> audit();

}
