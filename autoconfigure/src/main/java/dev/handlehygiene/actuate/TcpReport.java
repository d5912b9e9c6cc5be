package dev.handlehygiene.actuate;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.fd.RemoteCount;
import dev.handlehygiene.fd.TcpState;

/**
 * The {@code tcp} section: only sockets this process holds.
 *
 * @param states sockets per state; many in {@code CLOSE_WAIT} means responses nobody closed
 * @param remotes sockets per remote address and state, most first (a detail)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TcpReport(Map<TcpState, Integer> states, @Nullable List<RemoteCount> remotes) {
}
