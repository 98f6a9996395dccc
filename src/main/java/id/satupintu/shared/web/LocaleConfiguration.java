package id.satupintu.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Indonesian is the default language, English the second. The API follows {@code Accept-Language}; the web pages
 * follow the visitor's choice ({@code ?lang=en}), remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale INDONESIAN = Locale.of("id");
    static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
        api.setSupportedLocales(SUPPORTED);
        api.setDefaultLocale(INDONESIAN);
        CookieLocaleResolver web = new CookieLocaleResolver("satupintu-lang");
        web.setDefaultLocale(INDONESIAN);
        web.setCookieMaxAge(Duration.ofDays(365));
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                Locale locale = isApi(request) ? api.resolveLocale(request) : web.resolveLocale(request);
                return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : INDONESIAN;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                if (!isApi(request)) {
                    web.setLocale(request, response,
                            locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : INDONESIAN);
                }
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        // An error page keeps the language; its request may have parameters that cannot even be read.
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**", "/error");
    }

    /** An API call, or the error dispatch of one (whose own URI is then {@code /error}). */
    static boolean isApi(HttpServletRequest request) {
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed ? failed
                : request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/api/");
    }
}
