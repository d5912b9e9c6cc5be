package dev.handlehygiene.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One setting that bounds how long or how many descriptors can be held, as read from the live object.
 *
 * @param key the property that sets it, for example {@code server.tomcat.connection-timeout}
 * @param value the value in force, for example {@code 10s} (a detail, left out when details are hidden)
 * @param origin {@code handle-hygiene default}, {@code application (<property source>)}, {@code framework default}
 * or {@code live object} where no property applies
 * @param verdict {@code ok}, or {@code unsafe: } and the reason
 * @param object the live object read, for example {@code Tomcat connector http-nio-8080}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditedSetting(String key, String value, String origin, String verdict, String object) {

	static final String OK = "ok";

	/**
	 * Whether the verdict is unsafe.
	 * @return {@code true} for an {@code unsafe: ...} verdict
	 */
	@JsonIgnore
	public boolean isUnsafe() {
		return this.verdict.startsWith("unsafe");
	}

	/**
	 * The same setting without its value.
	 * @return a copy with {@code value} left out
	 */
	public AuditedSetting withoutValue() {
		return new AuditedSetting(this.key, null, this.origin, this.verdict, this.object);
	}

}
