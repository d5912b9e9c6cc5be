package dev.handlehygiene.audit;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import org.jspecify.annotations.Nullable;
import dev.handlehygiene.defaults.SafeDefaults;

/**
 * Says where the value of a property came from: the starter's defaults, the application
 * (and which of its property sources), or nowhere, in which case the framework's own
 * default is in force. Relaxed names count, so {@code SERVER_TOMCAT_CONNECTIONTIMEOUT} in
 * the environment is found for {@code server.tomcat.connection-timeout}.
 */
public class SettingOrigins {

	public static final String HANDLE_HYGIENE_DEFAULT = "handle-hygiene default";

	public static final String FRAMEWORK_DEFAULT = "framework default";

	public static final String LIVE_OBJECT = "live object";

	private final ConfigurableEnvironment environment;

	public SettingOrigins(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	/**
	 * Where the value in force for a property came from.
	 * @param key the property's canonical name
	 * @return {@code handle-hygiene default}, {@code application (<property source>)} or
	 * {@code framework default}
	 */
	public String of(String key) {
		PropertySource<?> source = sourceOf(key);
		if (source == null) {
			return FRAMEWORK_DEFAULT;
		}
		return SafeDefaults.PROPERTY_SOURCE_NAME.equals(source.getName()) ? HANDLE_HYGIENE_DEFAULT
				: "application (" + source.getName() + ")";
	}

	/**
	 * Where the value in force for one of the starter's own
	 * {@code handle-hygiene.defaults.*} properties came from: when nobody set it, its
	 * default is the starter's.
	 * @param key the property's canonical name
	 * @return {@code handle-hygiene default} or {@code application (<property source>)}
	 */
	public String ofStarterProperty(String key) {
		String origin = of(key);
		return FRAMEWORK_DEFAULT.equals(origin) ? HANDLE_HYGIENE_DEFAULT : origin;
	}

	/**
	 * Whether the value in force for a property is the starter's default.
	 * @param key the property's canonical name
	 * @return {@code true} if the defaults' property source is the one that provides it
	 */
	public boolean isHandleHygieneDefault(String key) {
		PropertySource<?> source = sourceOf(key);
		return source != null && SafeDefaults.PROPERTY_SOURCE_NAME.equals(source.getName());
	}

	private @Nullable PropertySource<?> sourceOf(String key) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null && source.getUnderlyingSource() instanceof PropertySource<?> underlying) {
				return underlying;
			}
		}
		return null;
	}

}
