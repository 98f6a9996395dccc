package id.satupintu.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 with {@code Retry-After} when the database is out of reach in a part of the request that no exception
 * handler sees: the session store (read before and written after the controller) and the security filters. Runs
 * first of all filters, so it wraps both.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ProblemFactory problems;
    private final JsonMapper json;
    private final LocaleResolver locales;

    DatabaseUnavailableFilter(ProblemFactory problems, JsonMapper json, LocaleResolver locales) {
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("The database is out of reach; answered {} {} with 503: {}", request.getMethod(),
                    request.getRequestURI(), e.toString());
            response.reset();
            response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setCharacterEncoding("UTF-8");
            Locale locale = locales.resolveLocale(request);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(),
                        problems.of(HttpStatus.SERVICE_UNAVAILABLE, "TEMPORARILY_UNAVAILABLE", locale));
            } else {
                // Not the error page: rendering it would read the session from the database again.
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.getOutputStream().write(("<!doctype html><html lang=\"" + locale.getLanguage()
                        + "\"><head><meta charset=\"utf-8\"><title>SatuPintu</title></head><body><h1>"
                        + HtmlUtils.htmlEscape(problems.message("error.TEMPORARILY_UNAVAILABLE", null, locale))
                        + "</h1></body></html>").getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
