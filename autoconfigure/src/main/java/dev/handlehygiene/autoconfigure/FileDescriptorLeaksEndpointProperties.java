package dev.handlehygiene.autoconfigure;

import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.handlehygiene.actuate.FileDescriptorLeaksEndpoint;

/**
 * Settings of the {@code fdleaks} endpoint, under {@code management.endpoint.fdleaks}.
 */
@ConfigurationProperties(FileDescriptorLeaksEndpoint.PROPERTIES_PREFIX)
public class FileDescriptorLeaksEndpointProperties {

	/**
	 * When to show details (file paths, remote addresses): never, when-authorized or
	 * always. Counts are always shown.
	 */
	private Show showDetails = Show.WHEN_AUTHORIZED;

	/**
	 * Roles that may see details when show-details is when-authorized; empty means any
	 * authenticated user.
	 */
	private final Set<String> roles = new HashSet<>();

	public Show getShowDetails() {
		return this.showDetails;
	}

	public void setShowDetails(Show showDetails) {
		this.showDetails = showDetails;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

}
