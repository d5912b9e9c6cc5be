package dev.handlehygiene.it.support;

import java.io.IOException;
import java.util.List;

/**
 * Reads {@code GET /actuator/fdleaks/settings} over real HTTP on the loopback address, as an operator would.
 */
public final class SettingsAuditClient {

	private record SettingsSection(List<AuditEntry> settings) {
	}

	private final ActuatorClient actuator;

	public SettingsAuditClient(int port) {
		this.actuator = new ActuatorClient(port);
	}

	List<AuditEntry> settings() throws IOException, InterruptedException {
		return this.actuator.read("/actuator/fdleaks/settings", SettingsSection.class).settings();
	}

	/** Every entry for a key (a Jetty server has one idle-timeout entry per connector). */
	public List<AuditEntry> entries(String key) throws IOException, InterruptedException {
		return settings().stream().filter((entry) -> key.equals(entry.key())).toList();
	}

}
