package id.satupintu.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** Answers API paths that exist nowhere with a problem+json 404 instead of an HTML error page. */
@RestController
class UnknownApiPathController {

    private final ProblemFactory problems;

    UnknownApiPathController(ProblemFactory problems) {
        this.problems = problems;
    }

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", locale);
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
