package id.satupintu.shared.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers what failed before any controller was reached (a URL the firewall refuses, a method the servlet does not
 * take, parameters a filter could not read, a failure in a filter) in the same forms as the exception handlers:
 * problem+json with a code for the API, the error page in the visitor's language for people. Replaces Spring Boot's
 * own error controller, whose answers carry neither a code nor the visitor's language.
 */
@Controller
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    private final ProblemFactory problems;
    private final JsonMapper json;

    ErrorPageController(ProblemFactory problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        HttpStatus status = statusOf(request);
        if (LocaleConfiguration.isApi(request)) {
            ProblemDetail problem = problems.of(status, ProblemFactory.codeOf(status), locale);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
            return null;
        }
        ModelAndView view = new ModelAndView("error", status);
        view.addObject("status", status.value());
        view.addObject("detail", null);
        return view;
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable e) {
            if (UnreadableRequests.isUnreadable(e) || UnreadableRequests.isUnreadable(e.getCause())) {
                return HttpStatus.BAD_REQUEST;
            }
        }
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            // Opened directly rather than forwarded to: there is no failure to tell about.
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(code);
        status = status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("Request failed outside any controller: {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    failure instanceof Throwable e ? e : null);
        }
        return status;
    }
}
