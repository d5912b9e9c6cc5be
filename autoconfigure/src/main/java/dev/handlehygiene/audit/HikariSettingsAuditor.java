package dev.handlehygiene.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import org.jspecify.annotations.Nullable;
import dev.handlehygiene.defaults.DefaultKeys;

/**
 * Reads the timeouts and leak detection of every {@link HikariDataSource} in the context,
 * including pools the application built by hand, whose settings no property reaches.
 */
class HikariSettingsAuditor implements SettingsAuditor {

	private final ConfigurableListableBeanFactory beanFactory;

	private final SettingOrigins origins;

	public HikariSettingsAuditor(ConfigurableListableBeanFactory beanFactory, SettingOrigins origins) {
		this.beanFactory = beanFactory;
		this.origins = origins;
	}

	@Override
	public List<AuditedSetting> audit() {
		List<AuditedSetting> settings = new ArrayList<>();
		for (Map.Entry<String, DataSource> entry : this.beanFactory.getBeansOfType(DataSource.class, false, false)
			.entrySet()) {
			HikariDataSource pool = unwrap(entry.getValue());
			if (pool == null) {
				continue;
			}
			boolean bound = isBoundFromProperties(entry.getKey());
			String object = "HikariDataSource " + pool.getPoolName() + " (bean " + entry.getKey() + ")";
			settings.add(setting("connection-timeout", pool.getConnectionTimeout(),
					SettingVerdicts.timeout(pool.getConnectionTimeout()), bound, object));
			settings.add(setting("leak-detection-threshold", pool.getLeakDetectionThreshold(),
					SettingVerdicts.leakDetection(pool.getLeakDetectionThreshold()), bound, object));
			settings.add(setting("max-lifetime", pool.getMaxLifetime(), SettingVerdicts.timeout(pool.getMaxLifetime()),
					bound, object));
			settings.add(setting("idle-timeout", pool.getIdleTimeout(), idleTimeoutVerdict(pool), bound, object));
		}
		return settings;
	}

	private AuditedSetting setting(String name, long millis, String verdict, boolean bound, String object) {
		String key = DefaultKeys.HIKARI_PREFIX + name;
		String origin = bound ? this.origins.of(key) : SettingOrigins.LIVE_OBJECT;
		return new AuditedSetting(key, SettingVerdicts.millis(millis), origin, verdict, object);
	}

	private static String idleTimeoutVerdict(HikariDataSource pool) {
		// Hikari ignores idle-timeout for a fixed-size pool (minimum-idle ==
		// maximum-pool-size): nothing to retire
		if (pool.getMinimumIdle() >= pool.getMaximumPoolSize()) {
			return AuditedSetting.OK;
		}
		return SettingVerdicts.timeout(pool.getIdleTimeout());
	}

	/**
	 * Whether Spring Boot's DataSource auto-configuration created the bean, so that
	 * {@code spring.datasource.hikari.*} properties were bound to it.
	 */
	private boolean isBoundFromProperties(String beanName) {
		if (!this.beanFactory.containsBeanDefinition(beanName)) {
			return false;
		}
		BeanDefinition definition = this.beanFactory.getMergedBeanDefinition(beanName);
		String factoryBean = definition.getFactoryBeanName();
		return factoryBean != null && factoryBean.contains("org.springframework.boot.jdbc.autoconfigure");
	}

	private static @Nullable HikariDataSource unwrap(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource hikari) {
			return hikari;
		}
		try {
			return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

}
