package id.satupintu.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the limits on public writes in front of the controllers that ask for them; the limit on request sizes goes
 * into the security filter chains instead of the servlet container's filters.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final PublicWriteLimiter limiter;

    RateLimitConfiguration(PublicWriteLimiter limiter) {
        this.limiter = limiter;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimitInSecurityChainsOnly(RequestSizeLimit filter) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limiter);
    }
}
