package dev.handlehygiene.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every {@link SettingsAuditor}. An auditor that fails costs its own entries only:
 * it is reported as one entry with verdict {@code unknown}, never as an exception.
 */
public class SettingsAudit {

	private final List<SettingsAuditor> auditors;

	public SettingsAudit(List<SettingsAuditor> auditors) {
		this.auditors = List.copyOf(auditors);
	}

	/**
	 * Reads and judges every setting now.
	 * @return the settings, in the auditors' order
	 */
	public List<AuditedSetting> run() {
		List<AuditedSetting> settings = new ArrayList<>();
		for (SettingsAuditor auditor : this.auditors) {
			try {
				settings.addAll(auditor.audit());
			}
			catch (RuntimeException | LinkageError ex) {
				settings.add(new AuditedSetting(auditor.getClass().getSimpleName(), null, SettingOrigins.LIVE_OBJECT,
						"unknown: " + ex, null));
			}
		}
		return settings;
	}

}
