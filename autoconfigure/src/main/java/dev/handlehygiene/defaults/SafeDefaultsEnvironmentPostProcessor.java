package dev.handlehygiene.defaults;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * Adds {@link SafeDefaults} as the lowest-precedence property source,
 * {@code handleHygieneDefaults}, so that every value the application sets wins and
 * {@code /actuator/env} shows where each value came from. Runs last, once the
 * application's own configuration is loaded, because the switches live there. The one
 * place the switches are bound; their metadata is in
 * {@code additional-spring-configuration-metadata.json}.
 */
class SafeDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		if (!isOn(binder, DefaultKeys.STARTER_ENABLED) || !isOn(binder, DefaultKeys.DEFAULTS_ENABLED)
				|| environment.getPropertySources().contains(SafeDefaults.PROPERTY_SOURCE_NAME)) {
			return;
		}
		Set<SafeDefaults.Group> groups = SafeDefaults.allGroups();
		groups.removeIf((group) -> !isOn(binder, group.switchProperty()));
		Map<String, String> defaults = SafeDefaults.of(groups, softDescriptorLimit(),
				(key) -> binder.bind(key, Bindable.listOf(String.class)).isBound());
		Map<String, Object> applied = new LinkedHashMap<>(defaults);
		// SpringApplication.setDefaultProperties is the application's too, but Spring
		// Boot keeps that source last,
		// below ours, so its keys are left out here instead
		PropertySource<?> applicationDefaults = environment.getPropertySources()
			.get(DefaultPropertiesPropertySource.NAME);
		applied.keySet().removeIf((key) -> isSetIn(applicationDefaults, key));
		if (!applied.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SafeDefaults.PROPERTY_SOURCE_NAME, applied));
		}
	}

	/**
	 * The soft descriptor limit, from {@code /proc/self/limits} where the platform has
	 * one. The MXBean answers the same, but asking it first starts the JDK's management
	 * layer, about 50 ms on a cold JVM, before the application has even read its
	 * configuration.
	 */
	private static long softDescriptorLimit() {
		long fromProcfs = new FileDescriptorProbe(Path.of("/proc")).limit();
		return (fromProcfs != FileDescriptorProbe.UNKNOWN) ? fromProcfs : new FileDescriptorProbe().limit();
	}

	private static boolean isSetIn(@Nullable PropertySource<?> source, String key) {
		ConfigurationPropertySource relaxed = (source != null) ? ConfigurationPropertySource.from(source) : null;
		return relaxed != null && relaxed.getConfigurationProperty(ConfigurationPropertyName.of(key)) != null;
	}

	private static boolean isOn(Binder binder, String property) {
		return binder.bind(property, Boolean.class).orElse(true);
	}

}
