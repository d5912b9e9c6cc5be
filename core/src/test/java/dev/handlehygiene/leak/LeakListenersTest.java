package dev.handlehygiene.leak;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LeakListenersTest {

	private static final Leak LEAK = new Leak("test.resource", LeakSource.NO_POOL, "com.acme.A.a(A.java:1)", "one",
			List.of(), true);

	@Test
	void aFailingListenerStopsNeitherTheOthersNorTheReporter() {
		LeakListeners listeners = new LeakListeners();
		List<String> heard = new CopyOnWriteArrayList<>();
		listeners.add((leak) -> heard.add("before " + leak.description()));
		listeners.add((leak) -> {
			throw new IllegalStateException("broken listener");
		});
		listeners.add((leak) -> heard.add("after " + leak.description()));
		assertThatNoException().isThrownBy(() -> listeners.onLeak(LEAK));
		assertThat(heard).containsExactly("before one", "after one");
	}

	@Test
	void aListenerHearsOnlyOfLeaksReportedOnceItIsAdded() {
		LeakListeners listeners = new LeakListeners();
		listeners.onLeak(LEAK);
		List<Leak> heard = new CopyOnWriteArrayList<>();
		listeners.add(heard::add);
		listeners.onLeak(LEAK);
		assertThat(heard).containsExactly(LEAK);
	}

}
