package dev.handlehygiene.audit;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import dev.handlehygiene.defaults.SafeDefaults;

/**
 * Counts the safe defaults actually in force: those whose value no other property source overrides.
 */
public class AppliedDefaults {

	private final ConfigurableEnvironment environment;

	private final SettingOrigins origins;

	public AppliedDefaults(ConfigurableEnvironment environment, SettingOrigins origins) {
		this.environment = environment;
		this.origins = origins;
	}

	/**
	 * How many of the starter's defaults are in force.
	 * @return the count; 0 when the defaults are switched off
	 */
	public int count() {
		PropertySource<?> defaults = this.environment.getPropertySources().get(SafeDefaults.PROPERTY_SOURCE_NAME);
		if (!(defaults instanceof EnumerablePropertySource<?> enumerable)) {
			return 0;
		}
		int count = 0;
		for (String key : enumerable.getPropertyNames()) {
			if (this.origins.isHandleHygieneDefault(key)) {
				count++;
			}
		}
		return count;
	}

}
