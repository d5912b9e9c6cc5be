package dev.handlehygiene.version;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link UnsupportedSpringBootVersionException} into Spring Boot's "APPLICATION
 * FAILED TO START" report: one description and one action instead of a stack trace. Uses
 * only types that Boot 3 and Boot 4 both have.
 */
class UnsupportedSpringBootVersionFailureAnalyzer
		extends AbstractFailureAnalyzer<UnsupportedSpringBootVersionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSpringBootVersionException cause) {
		String description = "The handle-hygiene starter needs Spring Boot " + cause.getRequiredVersion()
				+ " or later, but this application runs on " + cause.foundDescription() + ".";
		String action = "Upgrade the application to Spring Boot " + cause.getRequiredVersion()
				+ " or later, or remove handle-hygiene-spring-boot-starter from its dependencies.";
		return new FailureAnalysis(description, action, cause);
	}

}
