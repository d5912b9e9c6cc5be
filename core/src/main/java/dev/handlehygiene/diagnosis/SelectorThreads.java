package dev.handlehygiene.diagnosis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The live threads of the HTTP clients that own a selector each, by client: evidence that
 * clients are built per call, since each one built keeps its selector thread until it is
 * closed or collected. Read by enumerating the threads, which needs no descriptor.
 */
final class SelectorThreads {

	/** The clients recognised, and how their selector threads are named. */
	private static final List<Client> CLIENTS = List.of(
			new Client("JDK HttpClient", Pattern.compile("HttpClient-\\d+-SelectorManager")),
			new Client("Reactor Netty", Pattern.compile("reactor-http-(nio|epoll|kqueue|io_uring)-\\d+")),
			new Client("Netty", Pattern.compile("(nio|epoll|kqueue|ioUring|multiThreadIo)EventLoopGroup-\\d+-\\d+")),
			new Client("OkHttp", Pattern.compile("OkHttp .*")));

	private SelectorThreads() {
	}

	/**
	 * Counts the live selector threads of each client.
	 * @return the count per client, clients with none left out
	 */
	static Map<String, Integer> count() {
		ThreadGroup root = Thread.currentThread().getThreadGroup();
		while (root.getParent() != null) {
			root = root.getParent();
		}
		Thread[] threads = new Thread[root.activeCount() * 2 + 16];
		int live = root.enumerate(threads, true);
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (int i = 0; i < live; i++) {
			String name = threads[i].getName();
			for (Client client : CLIENTS) {
				if (client.threadName().matcher(name).matches()) {
					counts.merge(client.name(), 1, Integer::sum);
					break;
				}
			}
		}
		return counts;
	}

	private record Client(String name, Pattern threadName) {
	}

}
