package dev.handlehygiene.autoconfigure;

/**
 * A handle-hygiene property whose value is outside the range it accepts. {@link InvalidPropertyFailureAnalyzer}
 * turns it into a start-up report that names the property, the value and the range.
 */
public class InvalidPropertyException extends RuntimeException {

	private final String property;

	private final Object value;

	private final String accepted;

	/**
	 * @param property the property's full name
	 * @param value the value given
	 * @param accepted the values accepted, in words
	 */
	public InvalidPropertyException(String property, Object value, String accepted) {
		super("Invalid value '" + value + "' for property '" + property + "': expected " + accepted);
		this.property = property;
		this.value = value;
		this.accepted = accepted;
	}

	public String getProperty() {
		return this.property;
	}

	public Object getValue() {
		return this.value;
	}

	public String getAccepted() {
		return this.accepted;
	}

}
