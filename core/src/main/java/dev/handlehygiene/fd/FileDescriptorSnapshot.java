package dev.handlehygiene.fd;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What this process's descriptors point at, at one moment.
 *
 * @param listed how many descriptors were read
 * @param types descriptors per type, every type present
 * @param files the most-opened files, most first
 * @param tcpStates this process's TCP sockets per state, most first
 * @param remotes this process's connected TCP sockets per remote address and state, most
 * first
 * @param error why the inventory is empty or partial (the listing, a link other than one
 * that closed meanwhile, or a TCP table could not be read), or {@code null}
 */
public record FileDescriptorSnapshot(int listed, Map<FileDescriptorType, Integer> types, List<PathCount> files,
		Map<TcpState, Integer> tcpStates, List<RemoteCount> remotes, @Nullable String error) {

	/**
	 * Whether some part could not be read, so the counts are lower than the truth.
	 * @return {@code true} when {@link #error()} is set
	 */
	public boolean partial() {
		return this.error != null;
	}

	/**
	 * An inventory that could not be taken.
	 * @param error why
	 * @return an empty inventory that carries the reason
	 */
	static FileDescriptorSnapshot failed(String error) {
		return new FileDescriptorSnapshot(0, Map.of(), List.of(), Map.of(), List.of(), error);
	}

}
