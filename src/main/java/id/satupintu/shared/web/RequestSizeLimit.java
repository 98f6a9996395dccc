package id.satupintu.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies larger than their kind may be, before anything reads them: JSON, forms and file uploads
 * each have a limit, anything else the JSON one. The answer is 413, a problem for the API and the error page for
 * the web, instead of a failure deep inside (a parser, the security filters reading form fields) or a reset
 * connection. A JSON body without a declared length is read up to the limit and then handed on as it was.
 *
 * <p>It runs inside the security filter chains, after the security headers are set up and before the CSRF check
 * reads a form, so refusals carry the same headers as every other answer; it is not registered on its own.
 */
@Component
public class RequestSizeLimit extends OncePerRequestFilter {

    static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

    private final long jsonLimit;
    private final long formLimit;
    private final long multipartLimit;
    private final ProblemFactory problems;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final String errorPath;

    RequestSizeLimit(@Value("${satupintu.request-limits.json:1MB}") DataSize json,
            @Value("${satupintu.request-limits.form:1MB}") DataSize form,
            @Value("${spring.servlet.multipart.max-request-size:12MB}") DataSize multipart,
            @Value("${server.error.path:/error}") String errorPath,
            ProblemFactory problems, LocaleResolver locales, JsonMapper mapper) {
        this.errorPath = errorPath;
        this.jsonLimit = json.toBytes();
        this.formLimit = form.toBytes();
        this.multipartLimit = multipart.toBytes();
        this.problems = problems;
        this.locales = locales;
        this.json = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        long limit = limitFor(type);
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response);
            return;
        }
        if (length < 0 && isJson(type)) {
            byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit + 1));
            if (body.length > limit) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private long limitFor(String type) {
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return multipartLimit;
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return formLimit;
        }
        return jsonLimit;
    }

    private static boolean isJson(String type) {
        return type.startsWith(MediaType.APPLICATION_JSON_VALUE) || type.matches("application/[^;]*\\+json.*");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        // The connection is not worth keeping: the body that was not read would have to be read first.
        response.setHeader("Connection", "close");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = problems.of(HttpStatus.CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE,
                    locales.resolveLocale(request));
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } else {
            // The error page is shown without the body: reading a form or an upload to find the language or a
            // CSRF token is what this filter prevents.
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.CONTENT_TOO_LARGE.value());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            request.getRequestDispatcher(errorPath).forward(new WithoutBody(request), response);
        }
    }

    /** The request as the error page sees it: no body, so no parameters and no upload. */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name) ? null
                    : super.getHeader(name);
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ReadBody(this, new byte[0]).getInputStream();
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /** The request with its body already read into memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? java.nio.charset.StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
