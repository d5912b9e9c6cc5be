package dev.handlehygiene.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The web face of {@link FileDescriptorLeaksEndpoint}: shows details to authorized users
 * only (by default), and answers an unknown section with a 404 that says which sections
 * exist.
 */
@EndpointWebExtension(endpoint = FileDescriptorLeaksEndpoint.class)
public class FileDescriptorLeaksEndpointWebExtension {

	/**
	 * How much of a rejected section name is echoed: enough to spot a typo, too little to
	 * reflect a payload.
	 */
	static final int ECHOED_CODE_POINTS = 64;

	private final FileDescriptorLeaksEndpoint delegate;

	private final Show showDetails;

	private final Set<String> roles;

	/**
	 * @param delegate the endpoint
	 * @param showDetails when to show paths and remote addresses
	 * @param roles the roles that count as authorized; empty means any authenticated user
	 */
	public FileDescriptorLeaksEndpointWebExtension(FileDescriptorLeaksEndpoint delegate, Show showDetails,
			Set<String> roles) {
		this.delegate = delegate;
		this.showDetails = showDetails;
		this.roles = roles;
	}

	@ReadOperation
	public FileDescriptorLeaksReport fdLeaks(SecurityContext securityContext) {
		return this.delegate.report(this.showDetails.isShown(securityContext, this.roles));
	}

	@ReadOperation
	public WebEndpointResponse<Map<String, Object>> fdLeaksSection(SecurityContext securityContext,
			@Selector String section) {
		Map<String, Object> body = this.delegate.section(section,
				this.showDetails.isShown(securityContext, this.roles));
		if (body != null) {
			return new WebEndpointResponse<>(body);
		}
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("status", WebEndpointResponse.STATUS_NOT_FOUND);
		error.put("error", "Not Found");
		error.put("message", "No fdleaks section '" + shortened(section) + "'; the sections are "
				+ String.join(", ", FileDescriptorLeaksEndpoint.sectionNames()));
		return new WebEndpointResponse<>(OperationResponseBody.of(error), WebEndpointResponse.STATUS_NOT_FOUND);
	}

	/**
	 * A rejected name as the 404 echoes it: its first {@value #ECHOED_CODE_POINTS} code
	 * points, then an ellipsis.
	 * @param section the name asked for
	 * @return the name, cut short if it is longer
	 */
	static String shortened(String section) {
		if (section.codePointCount(0, section.length()) <= ECHOED_CODE_POINTS) {
			return section;
		}
		// by code points, so a character outside the BMP is never cut in half
		return section.substring(0, section.offsetByCodePoints(0, ECHOED_CODE_POINTS)) + "\u2026";
	}

}
