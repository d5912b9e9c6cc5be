package dev.handlehygiene.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HikariLeakMessagesTest {

	private static final String HIKARI_LEAK_FORMAT = HikariLeakMessages.LEAK_FORMAT;

	private static final String HIKARI_RETURNED_FORMAT = HikariLeakMessages.RETURNED_FORMAT;

	private static final String CONNECTION = "conn7: url=jdbc:h2:mem:orders user=SA";

	private final JdbcLeakRegistry registry = new JdbcLeakRegistry();

	private final HikariLeakMessages messages = new HikariLeakMessages(this.registry);

	@Test
	void aLeakReportNamesConnectionBorrowerAndPoolAndCarriesTheBorrowingStack() {
		Exception borrowStack = new Exception("Apparent connection leak detected");
		boolean accepted = this.messages.accept(HIKARI_LEAK_FORMAT,
				new Object[] { CONNECTION, "http-nio-8080-exec-3", borrowStack }, null, "orders-pool:housekeeper");
		assertThat(accepted).isTrue();
		assertThat(this.registry.leaks()).singleElement().satisfies((leak) -> {
			assertThat(leak.pool()).isEqualTo("orders-pool");
			assertThat(leak.connection()).isEqualTo(CONNECTION);
			assertThat(leak.thread()).isEqualTo("http-nio-8080-exec-3");
			assertThat(leak.stack()).first().isEqualTo(borrowStack.getStackTrace()[0].toString());
			assertThat(leak.returned()).isFalse();
		});
	}

	@Test
	void takesTheBorrowingStackFromTheThrowableWhenTheLoggingApiPassesItApart() {
		Exception borrowStack = new Exception("Apparent connection leak detected");
		this.messages.accept(HIKARI_LEAK_FORMAT, new Object[] { CONNECTION, "main" }, borrowStack, "p:housekeeper");
		assertThat(this.registry.leaks()).singleElement()
			.satisfies((leak) -> assertThat(leak.stack()).first().isEqualTo(borrowStack.getStackTrace()[0].toString()));
	}

	@Test
	void aReturnMessageMarksTheReportOfTheSameConnectionAndBorrower() {
		this.messages.accept(HIKARI_LEAK_FORMAT, new Object[] { CONNECTION, "main", new Exception() }, null,
				"p:housekeeper");
		boolean accepted = this.messages.accept(HIKARI_RETURNED_FORMAT, new Object[] { CONNECTION, "main" }, null,
				"main");
		assertThat(accepted).isTrue();
		assertThat(this.registry.leaks()).singleElement().satisfies((leak) -> {
			assertThat(leak.returned()).isTrue();
			assertThat(leak.returnedAt()).isAfterOrEqualTo(leak.detectedAt());
		});
	}

	@Test
	void ignoresOtherCallsToTheLeakLogger() {
		assertThat(this.messages.accept(null, null, null, "p:housekeeper")).isFalse();
		assertThat(this.messages.accept("{} - {}", new Object[] { "a", "b" }, null, "main")).isFalse();
		assertThat(this.messages.accept(HIKARI_LEAK_FORMAT, new Object[] { CONNECTION }, null, "main")).isFalse();
		assertThat(this.registry.leaked()).isZero();
	}

	@Test
	void thePoolIsNamedByItsHousekeeperThread() {
		assertThat(HikariLeakMessages.poolOf("HikariPool-1:housekeeper")).isEqualTo("HikariPool-1");
		assertThat(HikariLeakMessages.poolOf("HikariPool-1 housekeeper")).as("HikariCP 5").isEqualTo("HikariPool-1");
		assertThat(HikariLeakMessages.poolOf("pool-3-thread-1")).as("the application's own executor").isNull();
		assertThat(HikariLeakMessages.poolOf(":housekeeper")).isNull();
		assertThat(HikariLeakMessages.poolOf(null)).isNull();
	}

	@Test
	void aLeakFromAPoolWithItsOwnExecutorHasAnUnknownPool() {
		this.messages.accept(HIKARI_LEAK_FORMAT, new Object[] { CONNECTION, "main", new Exception() }, null,
				"pool-3-thread-1");
		assertThat(this.registry.leaks()).singleElement()
			.satisfies((leak) -> assertThat(leak.pool()).isEqualTo(JdbcLeakRegistry.UNKNOWN_POOL));
	}

	@Test
	void theFormatsAndTheHousekeeperNameAreThoseOfTheHikariCPOnTheClasspath() throws IOException {
		// string constants sit verbatim in the class file: this fails when a HikariCP
		// upgrade rewords a message
		assertThat(classFileText("com/zaxxer/hikari/pool/ProxyLeakTask.class")).contains(HIKARI_LEAK_FORMAT)
			.contains(HIKARI_RETURNED_FORMAT);
		// U+0001 is where string concatenation puts the pool name
		assertThat(classFileText("com/zaxxer/hikari/pool/HikariPool.class")).contains("\u0001:housekeeper");
	}

	private static String classFileText(String resource) throws IOException {
		try (InputStream in = HikariLeakMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
