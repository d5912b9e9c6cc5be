package dev.handlehygiene.it.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A non-web application with Spring Data JPA (Hibernate) over a HikariCP pool named
 * {@code orders}. It lives outside {@code dev.handlehygiene.jdbc} and
 * {@code dev.handlehygiene.leak}, whose frames are never a site.
 */
@SpringBootApplication
public class JpaTestApplication {

}
