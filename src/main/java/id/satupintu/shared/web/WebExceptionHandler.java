package id.satupintu.shared.web;

import java.util.Locale;

import id.satupintu.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Shows a friendly page in the visitor's language when a web page cannot be served. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(WebExceptionHandler.class);

    private final ProblemFactory problems;

    WebExceptionHandler(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, Locale locale, HttpServletResponse response) {
        HttpStatus status = ProblemFactory.statusOf(e.code().kind());
        String message = problems.detail(e, locale);
        ProblemFactory.retryAfterSeconds(e).ifPresent(seconds -> response.setHeader("Retry-After", seconds));
        return page(status, message, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, null, response);
    }

    /** A file bigger than the server takes at all; smaller ones that are still too big get the upload's own error. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(Exception e, Locale locale, HttpServletResponse response) {
        return page(HttpStatus.CONTENT_TOO_LARGE, problems.message("error.PAYLOAD_TOO_LARGE", null, locale), response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, Locale locale, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
            // A live screen (board, status page) went away; there is nobody left to answer.
            return null;
        }
        if (e instanceof org.springframework.web.ErrorResponse
                || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        if (UnreadableRequests.isUnreadable(e)) {
            return page(HttpStatus.BAD_REQUEST, null, response);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("The database is out of reach; answered a web page with 503: {}", e.toString());
            response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return page(HttpStatus.SERVICE_UNAVAILABLE,
                    problems.message("error.TEMPORARILY_UNAVAILABLE", null, locale), response);
        }
        log.error("Unexpected failure of a web page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null, response);
    }

    private static ModelAndView page(HttpStatus status, String message, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("detail", message);
        return view;
    }
}
