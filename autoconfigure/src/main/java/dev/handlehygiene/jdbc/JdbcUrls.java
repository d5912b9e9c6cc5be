package dev.handlehygiene.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The database addresses a JDBC URL names, read from its text alone (no driver, no
 * lookup): {@code jdbc:<driver>://host[:port][,host[:port]...]/...} (PostgreSQL, MySQL,
 * MariaDB, SQL Server, H2's TCP server, DB2 and most others),
 * {@code jdbc:oracle:thin:@host:port...} and Oracle's {@code (HOST=...)(PORT=...)}
 * descriptors. A port left out is the driver's default where it is known. Embedded
 * databases ({@code jdbc:h2:mem:}) have no address.
 */
final class JdbcUrls {

	private static final Map<String, Integer> DEFAULT_PORTS = Map.of("postgresql", 5432, "mysql", 3306, "mariadb", 3306,
			"sqlserver", 1433, "h2", 9092, "oracle", 1521, "db2", 50000, "redshift", 5439);

	private static final Pattern ORACLE_DESCRIPTOR = Pattern
		.compile("\\(HOST\\s*=\\s*([^)\\s]+)\\s*\\)\\s*\\(PORT\\s*=\\s*(\\d+)\\s*\\)", Pattern.CASE_INSENSITIVE);

	private JdbcUrls() {
	}

	/**
	 * The addresses a URL names.
	 * @param url a JDBC URL, or {@code null}
	 * @return each host and port it names, in order; empty where it names none
	 */
	static List<Address> addresses(@Nullable String url) {
		if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
			return List.of();
		}
		String rest = url.substring(5);
		int colon = rest.indexOf(':');
		String driver = ((colon > 0) ? rest.substring(0, colon) : rest).toLowerCase(Locale.ROOT);
		int defaultPort = DEFAULT_PORTS.getOrDefault(driver, -1);
		List<Address> addresses = new ArrayList<>();
		Matcher descriptor = ORACLE_DESCRIPTOR.matcher(rest);
		while (descriptor.find()) {
			addresses.add(new Address(descriptor.group(1), Integer.parseInt(descriptor.group(2))));
		}
		if (!addresses.isEmpty()) {
			return addresses;
		}
		String authority = authority(rest);
		if (authority == null) {
			return List.of();
		}
		// MySQL lets credentials precede the hosts
		authority = authority.substring(authority.lastIndexOf('@') + 1);
		for (String host : authority.split(",")) {
			Address address = address(host.trim(), defaultPort);
			if (address != null) {
				addresses.add(address);
			}
		}
		return addresses;
	}

	private static @Nullable String authority(String rest) {
		int slashes = rest.indexOf("//");
		int start;
		if (slashes >= 0) {
			start = slashes + 2;
		}
		else if (rest.contains(":@")) {
			// Oracle's thin form, host:port:sid
			start = rest.indexOf(":@") + 2;
		}
		else {
			return null;
		}
		int end = start;
		while (end < rest.length() && "/;?".indexOf(rest.charAt(end)) < 0) {
			end++;
		}
		String authority = rest.substring(start, end);
		if (slashes < 0) {
			// host:port:sid: the sid is no part of the address
			String[] parts = authority.split(":");
			authority = (parts.length >= 2) ? parts[0] + ":" + parts[1] : authority;
		}
		return authority.isEmpty() ? null : authority;
	}

	private static @Nullable Address address(String hostAndPort, int defaultPort) {
		if (hostAndPort.isEmpty()) {
			return null;
		}
		String host = hostAndPort;
		int port = defaultPort;
		int bracket = hostAndPort.indexOf(']');
		int colon = hostAndPort.lastIndexOf(':');
		if (hostAndPort.startsWith("[") && bracket > 0) {
			host = hostAndPort.substring(1, bracket);
			colon = (hostAndPort.length() > bracket + 1 && hostAndPort.charAt(bracket + 1) == ':') ? bracket + 1 : -1;
		}
		if (colon > 0 && (bracket < 0 || colon > bracket)) {
			try {
				port = Integer.parseInt(hostAndPort.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				return null;
			}
			if (bracket < 0) {
				host = hostAndPort.substring(0, colon);
			}
		}
		return (port > 0 && !host.isEmpty()) ? new Address(host, port) : null;
	}

	/**
	 * A database's host, as the URL names it, and port.
	 *
	 * @param host a name or an IP literal
	 * @param port the port
	 */
	record Address(String host, int port) {
	}

}
