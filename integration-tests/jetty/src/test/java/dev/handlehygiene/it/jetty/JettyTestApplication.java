package dev.handlehygiene.it.jetty;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A servlet application on Jetty with nothing but the starter: whatever bounds its
 * connector comes from the starter or from the properties a test sets.
 */
@SpringBootApplication
public class JettyTestApplication {

}
