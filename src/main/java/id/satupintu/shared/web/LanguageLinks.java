package id.satupintu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links that show the current page in Indonesian or English, keeping the rest of the query. */
@ControllerAdvice
class LanguageLinks {

    record Links(String id, String en) {
    }

    @ModelAttribute("langSwitch")
    Links links(HttpServletRequest request) {
        return new Links(link(request, "id"), link(request, "en"));
    }

    private static String link(HttpServletRequest request, String language) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", language)
                .scheme(null).host(null).port(null).build().toUriString();
    }
}
