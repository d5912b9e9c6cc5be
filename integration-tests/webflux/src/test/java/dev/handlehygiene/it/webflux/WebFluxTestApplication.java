package dev.handlehygiene.it.webflux;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A reactive application on the Netty server with nothing but the starter: whatever bounds the server comes from the
 * starter or from the properties a test sets.
 */
@SpringBootApplication
public class WebFluxTestApplication {

}
