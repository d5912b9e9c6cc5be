package dev.handlehygiene.it.security;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a report of {@code /actuator/fdleaks} shows of the {@link HeldEvidence}: the
 * counts always, the paths, remote addresses, call sites, stacks and setting values only
 * with details.
 */
final class ReportAssertions {

	private ReportAssertions() {
	}

	/**
	 * The evidence is counted, and nothing in the report names it.
	 * @param report the whole report
	 * @param evidence what is held open
	 */
	static void assertCountsOnly(JsonNode report, HeldEvidence evidence) {
		assertThat(report.has("files")).as("files").isFalse();
		assertThat(report.get("tcp").has("remotes")).as("tcp.remotes").isFalse();
		assertThat(report.get("leaks").get("httpClient").has("sites")).as("leaks.httpClient.sites").isFalse();
		assertThat(report.get("leaks").get("jdbc").has("sites")).as("leaks.jdbc.sites").isFalse();
		assertSettingsWithoutValues(report.get("settings"));
		assertNamesNothing(report, evidence);
		assertThat(report.has("hiddenDetails")).as("hiddenDetails").isTrue();
		assertThat(report.get("hiddenDetails").asString()).contains("show-details");
		assertThat(report.get("level").asString()).as("level").isEqualTo("ok");
		assertThat(report.get("open").asLong()).isPositive();
		assertThat(report.get("types").get("file").asLong()).isGreaterThanOrEqualTo(HeldEvidence.COPIES);
		assertThat(report.get("types").get("socket").asLong()).isGreaterThanOrEqualTo(2 * HeldEvidence.COPIES);
		assertThat(report.get("tcp").get("states").get("ESTABLISHED").asLong())
			.isGreaterThanOrEqualTo(2 * HeldEvidence.COPIES);
		assertThat(report.get("leaks").get("httpClient").get("leaked").asLong()).isPositive();
		assertThat(report.get("leaks").get("jdbc").get("suspected").asLong()).isPositive();
	}

	/**
	 * The evidence is named: the file's path, the connections' remote, the leaks' sites
	 * and stacks, the JDBC URL of the held connection, and the values of the settings.
	 * @param report the whole report
	 * @param evidence what is held open
	 */
	static void assertDetails(JsonNode report, HeldEvidence evidence) {
		assertThat(report.has("hiddenDetails")).as("hiddenDetails").isFalse();
		assertFileNamed(report.get("files"), evidence);
		assertRemoteNamed(report.get("tcp"), evidence);
		assertSitesNamed(report.get("leaks"), evidence);
		assertSettingValues(report.get("settings"));
	}

	static void assertFileNamed(JsonNode files, HeldEvidence evidence) {
		assertThat(paths(files, "path")).as("files").contains(evidence.filePath());
	}

	static void assertRemoteNamed(JsonNode tcp, HeldEvidence evidence) {
		List<String> remotes = new ArrayList<>();
		for (JsonNode remote : tcp.get("remotes")) {
			remotes.add(remote.get("remote").asString() + " " + remote.get("state").asString() + " "
					+ remote.get("count").asInt());
		}
		assertThat(remotes).as("tcp.remotes").contains(evidence.remote() + " ESTABLISHED " + HeldEvidence.COPIES);
	}

	static void assertSitesNamed(JsonNode leaks, HeldEvidence evidence) {
		JsonNode site = null;
		for (JsonNode candidate : leaks.get("httpClient").get("sites")) {
			if (candidate.get("site").asString().startsWith(evidence.leakSitePrefix())) {
				site = candidate;
			}
		}
		assertThat(site).as("a site %s... in %s", evidence.leakSitePrefix(), leaks).isNotNull();
		assertThat(site.get("leaked").asLong()).isPositive();
		assertThat(site.get("stack").get(0).asString()).isEqualTo(site.get("site").asString());
		assertThat(site.get("stack").size()).isGreaterThan(1);
		List<String> connections = new ArrayList<>();
		for (JsonNode jdbcSite : leaks.get("jdbc").get("sites")) {
			assertThat(jdbcSite.get("stack").size()).isPositive();
			for (JsonNode event : jdbcSite.get("recent")) {
				connections.add(event.get("name").asString());
			}
		}
		assertThat(connections).as("leaks.jdbc.sites[].recent[].name")
			.anyMatch((name) -> name.contains(evidence.jdbcUrlPrefix()));
	}

	static void assertSettingValues(JsonNode settings) {
		JsonNode connectionTimeout = setting(settings, "server.tomcat.connection-timeout");
		assertThat(connectionTimeout.get("value").asString()).isEqualTo("10s");
		assertThat(connectionTimeout.get("origin").asString()).isEqualTo("handle-hygiene default");
	}

	static void assertSettingsWithoutValues(JsonNode settings) {
		assertThat(settings.size()).as("settings audited").isPositive();
		for (JsonNode setting : settings) {
			assertThat(setting.has("value")).as("value of %s", setting).isFalse();
			assertThat(setting.get("key").asString()).isNotBlank();
		}
	}

	/**
	 * Nowhere in the body, not only not where a detail would be: a detail that moved
	 * would still be caught.
	 */
	static void assertNamesNothing(JsonNode body, HeldEvidence evidence) {
		String text = body.toString();
		assertThat(text).doesNotContain(evidence.filePath())
			.doesNotContain(evidence.remote())
			.doesNotContain(evidence.leakSitePrefix())
			// any frame of a stack: both leaks were opened in HeldEvidence
			.doesNotContain(HeldEvidence.class.getName())
			.doesNotContain(evidence.jdbcUrlPrefix())
			.doesNotContain("\"10s\"");
	}

	private static JsonNode setting(JsonNode settings, String key) {
		for (JsonNode setting : settings) {
			if (key.equals(setting.get("key").asString())) {
				return setting;
			}
		}
		throw new AssertionError("no setting " + key + " in " + settings);
	}

	private static List<String> paths(JsonNode entries, String field) {
		List<String> values = new ArrayList<>();
		for (JsonNode entry : entries) {
			values.add(entry.get(field).asString());
		}
		return values;
	}

}
