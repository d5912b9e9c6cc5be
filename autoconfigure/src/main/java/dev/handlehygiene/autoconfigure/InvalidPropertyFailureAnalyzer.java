package dev.handlehygiene.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a handle-hygiene property outside its range as a start-up failure a person can act on.
 */
class InvalidPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPropertyException cause) {
		String description = "The property '" + cause.getProperty() + "' has the value '" + cause.getValue()
				+ "', which handle-hygiene does not accept. Accepted: " + cause.getAccepted() + ".";
		String action = "Change '" + cause.getProperty() + "' to " + cause.getAccepted()
				+ ", or remove it to use the default.";
		return new FailureAnalysis(description, action, cause);
	}

}
