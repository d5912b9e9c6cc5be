package dev.handlehygiene.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo as a separate JVM, the way an operator runs it, with a descriptor limit low
 * enough to reach in seconds: {@code ulimit -n} in a shell, and {@code -XX:-MaxFDLimit}
 * so that HotSpot keeps that soft limit instead of raising it to the hard one. The
 * classpath is this test run's, without the test classes.
 *
 * @param serverPort the application port
 * @param managementPort the actuator port
 * @param descriptorLimit the {@code ulimit -n} the JVM runs under
 */
record ChildDemo(int serverPort, int managementPort, int descriptorLimit) {

	private static final String COUNT_METHOD = "handle-hygiene.fd.count-method";

	/**
	 * A demo on two free loopback ports.
	 * @param descriptorLimit the {@code ulimit -n}
	 * @return the demo's settings
	 */
	static ChildDemo onFreePorts(int descriptorLimit) {
		// both sockets held open together: one closed before the next is opened can hand
		// out the same port twice,
		// and a management port equal to the server port fails the child's start-up
		try (ServerSocket server = freeSocket(); ServerSocket management = freeSocket()) {
			return new ChildDemo(server.getLocalPort(), management.getLocalPort(), descriptorLimit);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free port", ex);
		}
	}

	/**
	 * The command that starts the demo JVM directly:
	 * {@code bash -c 'ulimit -n N && exec java ...'}.
	 * @param arguments application arguments after the ports, such as
	 * {@code --handle-hygiene.enabled=false}
	 * @return the command
	 */
	List<String> command(String... arguments) {
		return shell(javaCommand(arguments));
	}

	/**
	 * The command that starts the demo under {@code supervise.sh}:
	 * {@code bash -c 'ulimit -n N && exec sh supervise.sh java ...'}.
	 * @param supervisor the script
	 * @param arguments application arguments after the ports
	 * @return the command
	 */
	List<String> supervisedCommand(Path supervisor, String... arguments) {
		List<String> command = new ArrayList<>(List.of("sh", supervisor.toAbsolutePath().toString()));
		command.addAll(javaCommand(arguments));
		return shell(command);
	}

	private List<String> shell(List<String> command) {
		// the command travels as the script's arguments, so the long classpath needs no
		// quoting
		List<String> shell = new ArrayList<>(
				List.of("bash", "-c", "ulimit -n " + this.descriptorLimit + " && exec \"$@\"", "bash"));
		shell.addAll(command);
		return shell;
	}

	private List<String> javaCommand(String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-MaxFDLimit",
						// a smaller heap and C1 only: two JVMs share this machine's cores
						// while the test runs
						"-Xmx256m", "-XX:TieredStopAtLevel=1",
						// the count method this test run forces, if any (./mvnw verify
						// -Dhandle-hygiene.count-method=mxbean)
						"-D" + COUNT_METHOD + "=" + System.getProperty(COUNT_METHOD, "auto"), "-cp",
						applicationClasspath(), DemoApplication.class.getName(), "--server.port=" + this.serverPort,
						"--management.server.port=" + this.managementPort));
		command.addAll(Arrays.asList(arguments));
		return command;
	}

	private static String applicationClasspath() {
		// surefire runs tests from a manifest-only jar; it passes the real classpath in
		// this property
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classpath.split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static ServerSocket freeSocket() throws IOException {
		return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
	}

}
