package dev.handlehygiene.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.ApplicationContext;

import dev.handlehygiene.defaults.PoolLeaseTimeoutCustomizer;
import dev.handlehygiene.defaults.ReactorNettyPoolCustomizer;
import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * The starter's auditors, one per kind of live object. Each names types of one optional
 * library, so call each only where that library is on the classpath: an auditor's class
 * is loaded by the first call that makes one.
 */
public final class SettingsAuditors {

	private SettingsAuditors() {
	}

	/**
	 * Tomcat's connection timeout, keep-alive timeout and connection cap, read from the
	 * running connectors.
	 * @param context the context whose web server is read
	 * @param origins where property values came from
	 * @param probe the descriptor limit the connection cap is weighed against
	 * @return the auditor
	 */
	public static SettingsAuditor tomcat(ApplicationContext context, SettingOrigins origins,
			FileDescriptorProbe probe) {
		return new TomcatSettingsAuditor(context, origins, probe);
	}

	/**
	 * Jetty's idle timeout and connection cap, read from the running server.
	 * @param context the context whose web server is read
	 * @param origins where property values came from
	 * @param probe the descriptor limit the connection cap is weighed against
	 * @return the auditor
	 */
	public static SettingsAuditor jetty(ApplicationContext context, SettingOrigins origins, FileDescriptorProbe probe) {
		return new JettySettingsAuditor(context, origins, probe);
	}

	/**
	 * The Netty server's idle timeout, from the configuration the server was bound with.
	 * @param context the context whose web server is read
	 * @param origins where property values came from
	 * @param probe the descriptor limit
	 * @param recorder what kept the server's configuration as it was built
	 * @return the auditor
	 */
	public static SettingsAuditor netty(ApplicationContext context, SettingOrigins origins, FileDescriptorProbe probe,
			NettyServerConfigurationRecorder recorder) {
		return new NettySettingsAuditor(context, origins, probe, recorder);
	}

	/**
	 * The HTTP clients' connect and read timeouts, and Apache HttpClient 5's lease
	 * timeout where it is the client.
	 * @param settings the auto-configured client settings
	 * @param builder the auto-configured request factory builder, to tell which client is
	 * in use
	 * @param connectorBuilder the auto-configured reactive connector builder, to tell
	 * which client {@code WebClient} uses
	 * @param origins where property values came from
	 * @param leaseTimeout the customizer that applies the starter's lease timeout, where
	 * the starter applies one
	 * @return the auditor
	 */
	public static SettingsAuditor httpClient(ObjectProvider<HttpClientSettings> settings,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder, SettingOrigins origins,
			ObjectProvider<PoolLeaseTimeoutCustomizer> leaseTimeout) {
		return new HttpClientSettingsAuditor(settings, builder, connectorBuilder, origins, leaseTimeout);
	}

	/**
	 * The bounds of the Reactor Netty pool the starter built, and the response timeout of
	 * the client using it.
	 * @param customizer the customizer that built the pool
	 * @param origins where property values came from
	 * @return the auditor
	 */
	public static SettingsAuditor reactorNettyPool(ReactorNettyPoolCustomizer customizer, SettingOrigins origins) {
		return new ReactorNettyPoolAuditor(customizer, origins);
	}

	/**
	 * Every HikariCP pool in the context: connection timeout and leak detection
	 * threshold.
	 * @param beanFactory where the pools are found
	 * @param origins where property values came from
	 * @return the auditor
	 */
	public static SettingsAuditor hikari(ConfigurableListableBeanFactory beanFactory, SettingOrigins origins) {
		return new HikariSettingsAuditor(beanFactory, origins);
	}

}
