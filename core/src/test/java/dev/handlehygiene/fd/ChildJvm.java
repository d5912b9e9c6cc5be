package dev.handlehygiene.fd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of the test run's own, started under a small descriptor limit: {@code ulimit -n}
 * in a shell, and {@code -XX:-MaxFDLimit} so that HotSpot keeps that soft limit rather
 * than raising it to the hard one. It runs a main class on the test run's classpath with
 * a count method set, so that a forced method (see {@link ProcfsStat}) reaches it too.
 * Its output and errors come as one stream.
 */
public final class ChildJvm {

	private ChildJvm() {
	}

	/**
	 * The process to start.
	 * @param limit the {@code ulimit -n} it runs under
	 * @param countMethod the count method it is given
	 * @param jvmOptions further options for the JVM, such as {@code -Xmx256m}
	 * @param main the class to run
	 * @param arguments the main class's arguments
	 * @return a process builder, not started
	 */
	public static ProcessBuilder underLimit(int limit, CountMethodPreference countMethod, List<String> jvmOptions,
			Class<?> main, List<String> arguments) {
		List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + limit + " && exec \"$@\"", "bash",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-MaxFDLimit", "-Xshare:auto",
				"-D" + ProcfsStat.COUNT_METHOD_PROPERTY + "=" + countMethod.label()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
		command.addAll(arguments);
		return new ProcessBuilder(command).redirectErrorStream(true);
	}

}
