package dev.handlehygiene.audit;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once the application is ready (servers started, pools built), logs one INFO line with
 * how many safe defaults are in force on what the application runs and how many settings
 * are unsafe, and one WARN line per unsafe setting.
 */
public class SettingsAuditLogger implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(SettingsAuditLogger.class);

	private final SettingsAudit audit;

	private final AppliedDefaults appliedDefaults;

	/**
	 * @param audit the audit to run once the application is ready
	 * @param origins where property values came from, to count the safe defaults in force
	 */
	public SettingsAuditLogger(SettingsAudit audit, SettingOrigins origins) {
		this.audit = audit;
		this.appliedDefaults = new AppliedDefaults(origins);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		List<AuditedSetting> settings = this.audit.run();
		List<AuditedSetting> unsafe = settings.stream().filter(AuditedSetting::isUnsafe).toList();
		logger.info(String.format(
				"handle-hygiene: %d safe defaults in force (handle-hygiene.defaults.*), %d of %d audited settings unsafe",
				this.appliedDefaults.count(settings), unsafe.size(), settings.size()));
		for (AuditedSetting setting : unsafe) {
			logger.warn(String.format("handle-hygiene: unsafe setting %s=%s on %s (%s): %s", setting.key(),
					setting.value(), setting.object(), setting.origin(), setting.verdict()));
		}
	}

}
