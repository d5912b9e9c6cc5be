package dev.handlehygiene.fd;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/**
 * Turns the {@code ADDRESS:PORT} hexadecimal form of {@code /proc/net/tcp} and
 * {@code tcp6} into {@code 127.0.0.1:8080} or {@code [2001:db8::1]:443}. The kernel
 * prints each 32-bit word of the address in host byte order, so on little-endian machines
 * the bytes of every word appear reversed.
 */
final class ProcNetAddress {

	private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

	private ProcNetAddress() {
	}

	/**
	 * Formats one address column.
	 * @param column for example {@code 0100007F:1F90} or
	 * {@code 0000000000000000FFFF00000100007F:1F90}
	 * @return the address and port; IPv4-mapped IPv6 addresses are shown as IPv4
	 * @throws IllegalArgumentException if the column has neither form
	 */
	static String format(String column) {
		int colon = column.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("No port in '" + column + "'");
		}
		String hex = column.substring(0, colon);
		int port = Integer.parseInt(column.substring(colon + 1), 16);
		if (hex.length() != 8 && hex.length() != 32) {
			throw new IllegalArgumentException("Address of unexpected length in '" + column + "'");
		}
		byte[] bytes = new byte[hex.length() / 2];
		for (int word = 0; word < bytes.length / 4; word++) {
			for (int i = 0; i < 4; i++) {
				int source = word * 4 + (LITTLE_ENDIAN ? 3 - i : i);
				bytes[word * 4 + i] = (byte) Integer.parseInt(hex, source * 2, source * 2 + 2, 16);
			}
		}
		try {
			// getByAddress turns an IPv4-mapped IPv6 address into an Inet4Address; it
			// never does a lookup
			InetAddress address = InetAddress.getByAddress(bytes);
			String host = address.getHostAddress();
			return (host.indexOf(':') >= 0) ? "[" + host + "]:" + port : host + ":" + port;
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not an address: '" + column + "'", ex);
		}
	}

}
