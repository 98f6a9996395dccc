package id.satupintu.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the message bundles complete in both languages and the templates free of hard-coded text. */
class MessageBundleTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    private static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{'([A-Za-z0-9_.]+)'\\s*\\+");
    private static final Pattern TEXT_NODE = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)((?:\"[^\"]*\"|[^>\"])*)>([^<]+)<");
    private static final Pattern PLAIN_ATTRIBUTE = Pattern.compile("\\s(placeholder|title|alt|aria-label)=\"[^\"]+\"");
    private static final Pattern SYMBOLS_ONLY = Pattern.compile("[\\s\\p{Punct}›–▣·]*");

    /** Every bundle the application reads, as configured in {@code spring.messages.basename}. */
    static List<String> bundles() throws IOException {
        String yaml = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher basename = Pattern.compile("basename:\\s*(\\S+)").matcher(yaml);
        assertThat(basename.find()).isTrue();
        return List.of(basename.group(1).split(","));
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyKeyExistsInBothLanguages(String bundle) throws IOException {
        Properties indonesian = load(bundle + ".properties");
        Properties english = load(bundle + "_en.properties");
        assertThat(indonesian).isNotEmpty();
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(indonesian.stringPropertyNames());
        indonesian.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
        english.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
    }

    /** In a message with arguments a lone apostrophe swallows the arguments after it (MessageFormat quoting). */
    @ParameterizedTest
    @MethodSource("bundles")
    void messagesWithArgumentsHaveNoLoneApostrophe(String bundle) throws IOException {
        for (String file : List.of(bundle + ".properties", bundle + "_en.properties")) {
            load(file).forEach((key, value) -> {
                String text = value.toString();
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(text.replace("''", "")).as(file + ": " + key).doesNotContain("'");
                }
            });
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> known = allKeys();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            Matcher keys = MESSAGE_KEY.matcher(html);
            while (keys.find()) {
                if (!known.contains(keys.group(1))) {
                    missing.add(template.getFileName() + ": " + keys.group(1));
                }
            }
            Matcher prefixes = DYNAMIC_KEY.matcher(html);
            while (prefixes.find()) {
                String prefix = prefixes.group(1);
                if (known.stream().noneMatch(k -> k.startsWith(prefix))) {
                    missing.add(template.getFileName() + ": " + prefix + "*");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            Matcher text = TEXT_NODE.matcher(html);
            while (text.find()) {
                String tag = text.group(1);
                String attributes = text.group(2);
                String content = text.group(3).strip();
                boolean translated = attributes.contains("th:text") || attributes.contains("th:utext") || attributes.contains("th:errors")
                        || attributes.contains("sec:authentication") || tag.equals("script") || tag.equals("style");
                if (!translated && !SYMBOLS_ONLY.matcher(content).matches()) {
                    offences.add(template.getFileName() + ": <" + tag + "> " + content);
                }
            }
            Matcher attribute = PLAIN_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                offences.add(template.getFileName() + ": " + attribute.group().strip());
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void everyErrorCodeHasAMessageInBothLanguages() throws Exception {
        Set<String> indonesian = allKeys();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
        List<String> missing = new ArrayList<>();
        int codes = 0;
        for (BeanDefinition definition : scanner.findCandidateComponents("id.satupintu")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            if (!type.isEnum()) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                codes++;
                String key = ((ErrorCode) constant).messageKey();
                if (!indonesian.contains(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(codes).isGreaterThan(5);
        assertThat(missing).isEmpty();
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : bundles()) {
            keys.addAll(load(bundle + ".properties").stringPropertyNames());
        }
        return keys;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> html = files.filter(p -> p.toString().endsWith(".html")).toList();
            assertThat(html).isNotEmpty();
            return html;
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
