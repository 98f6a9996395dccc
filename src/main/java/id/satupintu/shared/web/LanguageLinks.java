package id.satupintu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links that show the current page in Indonesian or English, keeping the rest of the query. */
@ControllerAdvice
class LanguageLinks {

    /** Built when a page shows them, not for every request (API calls pass through here too). */
    static final class Links {

        private final HttpServletRequest request;

        Links(HttpServletRequest request) {
            this.request = request;
        }

        public String id() {
            return link(request, "id");
        }

        public String en() {
            return link(request, "en");
        }
    }

    @ModelAttribute("langSwitch")
    Links links(HttpServletRequest request) {
        return new Links(request);
    }

    private static String link(HttpServletRequest request, String language) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", language)
                .scheme(null).host(null).port(null).build().toUriString();
    }
}
