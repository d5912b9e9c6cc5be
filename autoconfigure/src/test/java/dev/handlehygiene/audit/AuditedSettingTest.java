package dev.handlehygiene.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuditedSettingTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"application (Config resource 'file [/srv/app/config/application.properties]' via location 'optional:file:./config/') | application (application.properties)",
			"application (Config resource 'class path resource [config/application.yml]' via location 'optional:classpath:/config/') | application (application.yml)",
			"URL [file:/srv/app/application.properties] - 2:34 | application.properties",
			"application (C:\\app\\conf\\app.properties) | application (application config)",
			"application (Config resource 'file [C:\\app\\conf\\app.properties]' via location 'file:C:/app/conf/') | application (app.properties)",
			"application (file:/etc/app/) | application (application config)",
			"application (systemEnvironment) | application (systemEnvironment)",
			"application (commandLineArgs) | application (commandLineArgs)",
			"handle-hygiene default | handle-hygiene default", "framework default | framework default",
			"live object | live object" })
	void anOriginShownWithHiddenDetailsNamesNoPath(String origin, String shown) {
		AuditedSetting hidden = new AuditedSetting("k", "10s", origin, "ok", "o").withoutDetails();
		assertThat(hidden.origin()).isEqualTo(shown).doesNotContain("/").doesNotContain("\\");
		assertThat(hidden.value()).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"Tomcat connector http-nio-10.0.3.7-8080 | Tomcat connector http-nio-[address]-8080",
			"Tomcat connector http-nio-8080 | Tomcat connector http-nio-8080",
			"Tomcat connector http-nio-0:0:0:0:0:0:0:1-8443 | Tomcat connector http-nio-[address]-8443",
			"Jetty connector ServerConnector@1a2b{HTTP/1.1}{127.0.0.1:8080} | Jetty connector ServerConnector@1a2b{HTTP/1.1}{[address]:8080}",
			"Jetty connector null | Jetty connector null",
			"HikariDataSource HikariPool-1 (bean dataSource) | HikariDataSource HikariPool-1 (bean dataSource)",
			"HttpClientSettings (Jdk) | HttpClientSettings (Jdk)" })
	void anObjectShownWithHiddenDetailsNamesNoAddress(String object, String shown) {
		AuditedSetting hidden = new AuditedSetting("k", "10s", "live object", "ok", object).withoutDetails();
		assertThat(hidden.object()).isEqualTo(shown);
	}

}
