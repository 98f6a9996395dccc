package id.satupintu.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.satupintu.shared.DomainException;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure of an API call into problem+json with a stable code, never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemFactory problems;

    ApiExceptionHandler(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, Locale locale) {
        ProblemDetail problem = problems.of(e, locale);
        HttpHeaders headers = problemHeaders();
        ProblemFactory.retryAfterSeconds(e).ifPresent(seconds -> headers.set(HttpHeaders.RETRY_AFTER, seconds));
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", locale);
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .toList());
        return respond(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e, Locale locale) {
        return respond(problems.of(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", locale));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, Locale locale) {
        if (UnreadableRequests.isUnreadable(e)) {
            return respond(problems.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", locale));
        }
        // Only the first line, which names the constraint: the database's detail lines quote the row's values.
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        log.info("Rejected a write that breaks a database constraint: {}", message.lines().findFirst().orElse(""));
        return respond(problems.of(HttpStatus.CONFLICT, "CONFLICTING_DATA", locale));
    }

    /** Broken parameter encodings and multipart bodies, and URLs the firewall refuses, found while binding. */
    @ExceptionHandler({MultipartException.class, RequestRejectedException.class, InvalidParameterException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        if (!UnreadableRequests.isUnreadable(e)) {
            return unexpected(e, locale);
        }
        return respond(problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("The database is out of reach; answered an API call with 503: {}", e.toString());
            HttpHeaders headers = problemHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(headers)
                    .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "TEMPORARILY_UNAVAILABLE", locale));
        }
        log.error("Unexpected failure of an API call", e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", locale));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", locale);
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error, locale))
                .toList();
        problem.setProperty("errors", errors);
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    private Map<String, String> fieldError(FieldError error, Locale locale) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("field", error.getField());
        entry.put("message", problems.message(error, locale));
        return entry;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String code = ProblemFactory.codeOf(status);
        if (status.is5xxServerError()) {
            log.error("API call failed", e);
        }
        ProblemDetail problem = problems.of(status, code, LocaleContextHolder.getLocale());
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, merged, status);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).headers(problemHeaders()).body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
