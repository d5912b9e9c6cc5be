package dev.handlehygiene.it.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The in-memory user store of the test applications: one user in role ADMIN, the role
 * that may see details, and one in role USER, authenticated but outside it.
 */
@Configuration(proxyBeanMethods = false)
public class TestUsers {

	/** A user in role ADMIN. */
	public static final String ADMIN = "admin";

	/** A user in role USER only. */
	public static final String VIEWER = "viewer";

	/**
	 * Both users' password; {@code {noop}}: a test fixture, not a way to store passwords.
	 */
	public static final String PASSWORD = "loopback-only";

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password("{noop}" + PASSWORD).roles("ADMIN").build(),
				User.withUsername(VIEWER).password("{noop}" + PASSWORD).roles("USER").build());
	}

}
