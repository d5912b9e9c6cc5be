package dev.handlehygiene.it.webflux;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * A reactive application on the Netty server with nothing but the starter: whatever
 * bounds the server comes from the starter or from the properties a test sets. Reactive
 * Spring Security lets every caller in, anonymous or with HTTP basic, so that
 * {@code show-details=when-authorized} has a user to tell from an anonymous caller.
 */
@SpringBootApplication
public class WebFluxTestApplication {

	/** A user in role ADMIN. */
	static final String ADMIN = "admin";

	/** A user in role USER only. */
	static final String VIEWER = "viewer";

	static final String PASSWORD = "loopback-only";

	@Bean
	SecurityWebFilterChain permitAllWithHttpBasic(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).httpBasic((basic) -> {
		}).csrf(ServerHttpSecurity.CsrfSpec::disable).build();
	}

	@Bean
	MapReactiveUserDetailsService users() {
		return new MapReactiveUserDetailsService(
				User.withUsername(ADMIN).password("{noop}" + PASSWORD).roles("ADMIN").build(),
				User.withUsername(VIEWER).password("{noop}" + PASSWORD).roles("USER").build());
	}

}
