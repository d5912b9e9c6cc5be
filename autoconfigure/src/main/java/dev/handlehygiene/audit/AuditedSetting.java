package dev.handlehygiene.audit;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * One setting that bounds how long or how many descriptors can be held, as read from the
 * live object.
 *
 * @param key the property that sets it, for example
 * {@code server.tomcat.connection-timeout}
 * @param value the value in force, for example {@code 10s} (a detail, left out when
 * details are hidden)
 * @param origin {@code handle-hygiene default}, {@code application (<property source>)},
 * {@code framework default} or {@code live object} where no property applies
 * @param verdict {@code ok}, or {@code unsafe: } and the reason
 * @param object the live object read, for example {@code Tomcat connector http-nio-8080}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditedSetting(String key, @Nullable String value, @Nullable String origin, String verdict,
		@Nullable String object) {

	static final String OK = "ok";

	private static final String APPLICATION = "application (";

	/**
	 * An IPv4 address, or an IPv6 one (at least two colons, hex groups, maybe a zone or
	 * brackets).
	 */
	private static final Pattern ADDRESS = Pattern
		.compile("\\d{1,3}(?:\\.\\d{1,3}){3}|\\[?[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%[\\w.]+)?\\]?");

	/**
	 * Whether the verdict is unsafe.
	 * @return {@code true} for an {@code unsafe: ...} verdict
	 */
	@JsonIgnore
	public boolean isUnsafe() {
		return this.verdict.startsWith("unsafe");
	}

	/**
	 * The same setting as shown when details are hidden: no value, an origin that names
	 * no path, and an object that names no address.
	 * @return a copy with {@code value} left out, the origin
	 * {@linkplain #pathFree(String) path-free} and the object
	 * {@linkplain #addressFree(String) address-free}
	 */
	public AuditedSetting withoutDetails() {
		return new AuditedSetting(this.key, null, pathFree(this.origin), this.verdict, addressFree(this.object));
	}

	/**
	 * An object's name without the addresses in it: Tomcat names a connector bound by
	 * {@code server.address} after that address ({@code http-nio-10.0.3.7-8080}), and
	 * Jetty puts host and port in its connector's name, which tells where the service
	 * listens. Each IPv4 or IPv6 address becomes {@code [address]}; the rest, which says
	 * what was read, stays.
	 * @param object an object's name as the audit reports it
	 * @return the name with no address in it
	 */
	static @Nullable String addressFree(@Nullable String object) {
		if (object == null) {
			return null;
		}
		return ADDRESS.matcher(object).replaceAll("[address]");
	}

	/**
	 * An origin without the directories it names: a property source of a config file is
	 * named
	 * {@code Config resource 'file [/srv/app/config/application.properties]' via location '...'},
	 * which tells where the service keeps its configuration. Only the file's own name is
	 * kept ({@code application.properties}), or {@code application config} where there is
	 * no file name to keep.
	 * @param origin an origin as the audit reports it
	 * @return the origin with no path in it
	 */
	static @Nullable String pathFree(@Nullable String origin) {
		if (origin == null || (origin.indexOf('/') < 0 && origin.indexOf('\\') < 0)) {
			return origin;
		}
		String name = "application config";
		int open = origin.indexOf('[');
		int close = origin.indexOf(']', open + 1);
		if (open >= 0 && close > open) {
			String resource = origin.substring(open + 1, close);
			String fileName = resource.substring(Math.max(resource.lastIndexOf('/'), resource.lastIndexOf('\\')) + 1);
			if (!fileName.isBlank()) {
				name = fileName;
			}
		}
		return origin.startsWith(APPLICATION) ? APPLICATION + name + ")" : name;
	}

}
