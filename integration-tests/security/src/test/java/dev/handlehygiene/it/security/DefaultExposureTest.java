package dev.handlehygiene.it.security;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import dev.handlehygiene.actuate.FileDescriptorLeaksEndpoint;
import dev.handlehygiene.it.support.ActuatorClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot exposes only {@code health} by default, on the web and on JMX, and JMX is
 * off ({@code spring.jmx.enabled=false}): adding the starter puts no {@code fdleaks} on
 * the web until the application includes it, whoever asks. Asked as ADMIN, so that a 404
 * cannot be the filter chain's doing.
 */
class DefaultExposureTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static ActuatorClient admin(int port) {
		return new ActuatorClient(port, HTTP).withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD);
	}

	static void assertNotOnTheWeb(int port) {
		for (String path : new String[] { "/actuator/fdleaks", "/actuator/fdleaks/types",
				"/actuator/fdleaks/settings" }) {
			assertThat(admin(port).get(path).getStatusCode().value()).as(path).isEqualTo(404);
		}
		JsonNode links = admin(port).read("/actuator", JsonNode.class).get("_links");
		assertThat(links.has("health")).isTrue();
		assertThat(links.propertyNames()).noneMatch((name) -> name.startsWith("fdleaks"));
	}

	@Nested
	@SpringBootTest(classes = SecuredActuatorApplication.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	class WithSpringBootDefaults {

		@LocalServerPort
		int port;

		@Autowired
		ApplicationContext context;

		@Test
		void fdleaksIsNotOnTheWeb() {
			assertNotOnTheWeb(this.port);
		}

		@Test
		void healthIsStillServed() {
			assertThat(admin(this.port).get("/actuator/health/liveness").getStatusCode().value()).isEqualTo(200);
		}

		@Test
		void theEndpointIsNotCreatedAtAll() {
			// exposed on no technology, so not available: no listing of /proc is ever
			// possible
			assertThat(this.context.getBeanNamesForType(FileDescriptorLeaksEndpoint.class)).isEmpty();
		}

	}

	@Nested
	@SpringBootTest(classes = SecuredActuatorApplication.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=health,fdleaks" })
	class OnceTheApplicationIncludesIt {

		@LocalServerPort
		int port;

		@Test
		void fdleaksIsOnTheWeb() {
			assertThat(admin(this.port).get("/actuator/fdleaks").getStatusCode().value()).isEqualTo(200);
			assertThat(admin(this.port).read("/actuator", JsonNode.class).get("_links").has("fdleaks")).isTrue();
		}

	}

	@Nested
	@SpringBootTest(classes = SecuredActuatorApplication.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=fdleaks",
					"management.endpoints.jmx.domain=handle-hygiene-security-test",
					"management.endpoint.fdleaks.show-details=when-authorized",
					"management.endpoint.fdleaks.roles=ADMIN" })
	class OnJmxOnly {

		@LocalServerPort
		int port;

		@Test
		void fdleaksIsStillNotOnTheWeb() {
			assertNotOnTheWeb(this.port);
		}

		@Test
		void jmxShowsTheDetailsBecauseItHasNoUserToAuthorize() throws Exception {
			MBeanServer server = ManagementFactory.getPlatformMBeanServer();
			ObjectName name = new ObjectName("handle-hygiene-security-test:type=Endpoint,name=Fdleaks,*");
			ObjectName endpoint = server.queryNames(name, null).iterator().next();
			@SuppressWarnings("unchecked")
			Map<String, Object> report = (Map<String, Object>) server.invoke(endpoint, "fdLeaks", new Object[0],
					new String[0]);
			assertThat(report).containsKey("files").doesNotContainKey("hiddenDetails");
		}

	}

}
