package dev.handlehygiene.diagnosis;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A host and port, as the application names one (a URL's, a JDBC URL's) or as the TCP
 * tables print one (an address), and whether the first reaches the second. No name is
 * ever resolved: a lookup on the diagnosis path could block, and at the descriptor limit
 * it fails. So {@code localhost} reaches any loopback address, an IP literal only itself,
 * and any other name every address on its port.
 *
 * @param host a name or an IP literal, without brackets
 * @param port the port
 */
record RemoteEndpoint(String host, int port) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/**
	 * The endpoint of an address as the TCP tables print it.
	 * @param remote {@code 127.0.0.1:5432} or {@code [0:0:0:0:0:0:0:1]:5432}
	 * @return the endpoint, or {@code null} when it has no port
	 */
	static @Nullable RemoteEndpoint ofAddress(String remote) {
		int colon = remote.lastIndexOf(':');
		if (colon <= 0) {
			return null;
		}
		try {
			return new RemoteEndpoint(unbracketed(remote.substring(0, colon)),
					Integer.parseInt(remote.substring(colon + 1)));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The endpoint of a tracked request's description, {@code METHOD host:port/path}.
	 * @param description for example {@code GET 127.0.0.1:8081/orders}
	 * @return the endpoint, or {@code null} when the description names no port
	 */
	static @Nullable RemoteEndpoint ofRequest(String description) {
		int space = description.indexOf(' ');
		if (space < 0) {
			return null;
		}
		int slash = description.indexOf('/', space + 1);
		String authority = description.substring(space + 1, (slash < 0) ? description.length() : slash);
		return ofAddress(authority);
	}

	/**
	 * Whether a connection the application makes to this endpoint lands on an address.
	 * @param address the address the TCP tables print, an IP literal
	 * @return {@code true} when the ports are equal and the hosts may be
	 */
	boolean reaches(RemoteEndpoint address) {
		if (this.port != address.port()) {
			return false;
		}
		if (isLiteral(this.host)) {
			return sameAddress(this.host, address.host());
		}
		if ("localhost".equalsIgnoreCase(this.host)) {
			return isLoopback(address.host());
		}
		// a name, not resolved here: its port must do
		return true;
	}

	private static boolean isLiteral(String host) {
		return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
	}

	private static boolean sameAddress(String literal, String address) {
		try {
			// both literals: getByName parses them and looks nothing up
			return InetAddress.getByName(literal).equals(InetAddress.getByName(address));
		}
		catch (UnknownHostException | SecurityException ex) {
			return literal.equalsIgnoreCase(address);
		}
	}

	private static boolean isLoopback(String address) {
		if (!isLiteral(address)) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException | SecurityException ex) {
			return false;
		}
	}

	private static String unbracketed(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
