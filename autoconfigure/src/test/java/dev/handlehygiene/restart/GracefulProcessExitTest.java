package dev.handlehygiene.restart;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class GracefulProcessExitTest {

	@Test
	void closesTheContextOnANonDaemonThreadThenExitsWithTheCode() throws Exception {
		CompletableFuture<Thread> closedOn = new CompletableFuture<>();
		CompletableFuture<Integer> exitedWith = new CompletableFuture<>();
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean("recordsItsClose", DisposableBean.class,
					() -> () -> closedOn.complete(Thread.currentThread()));
			context.refresh();

			new GracefulProcessExit(context, (code) -> {
				// the exit comes after the close: the context must be closed by now
				assertThat(closedOn).isDone();
				exitedWith.complete(code);
			}).exit(75);

			assertThat(exitedWith.get(10, TimeUnit.SECONDS)).isEqualTo(75);
			Thread thread = closedOn.get(10, TimeUnit.SECONDS);
			assertThat(thread.getName()).isEqualTo(GracefulProcessExit.THREAD_NAME);
			assertThat(thread.isDaemon()).isFalse();
			assertThat(context.isActive()).isFalse();
		}
	}

	@Test
	void returnsAtOnceWithoutWaitingForTheShutdown() throws Exception {
		CompletableFuture<Void> release = new CompletableFuture<>();
		CompletableFuture<Integer> exitedWith = new CompletableFuture<>();
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			// a bean whose destruction waits, as a web server waits for requests in
			// flight
			context.registerBean("slowToClose", DisposableBean.class, () -> () -> release.get(10, TimeUnit.SECONDS));
			context.refresh();

			new GracefulProcessExit(context, exitedWith::complete).exit(75);

			assertThat(exitedWith).isNotDone();
			release.complete(null);
			assertThat(exitedWith.get(10, TimeUnit.SECONDS)).isEqualTo(75);
		}
	}

}
