package dev.handlehygiene.fd;

/**
 * How many of the process's TCP sockets connect to one remote address in one state.
 *
 * @param remote the remote address and port, for example {@code 127.0.0.1:8081}
 * @param state the sockets' state
 * @param count the number of sockets
 */
public record RemoteCount(String remote, TcpState state, int count) {
}
