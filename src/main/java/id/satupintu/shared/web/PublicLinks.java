package id.satupintu.shared.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Addresses citizens reach the application at, for links in messages and documents. The base is read each time: unless
 * configured, it names the port the server actually listens on, which is known only once it has started.
 */
@Component
public class PublicLinks {

    private final Environment environment;

    PublicLinks(Environment environment) {
        this.environment = environment;
    }

    /** The full address of a path such as {@code /track/3217-20261201-000001}. */
    public String to(String path) {
        String url = environment.getProperty("satupintu.public-url", "http://localhost:8080");
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + path;
    }
}
