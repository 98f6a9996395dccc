package id.satupintu.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Workflow definitions as JSON, the form in which they are shipped, stored and edited. */
@Component
class WorkflowJson {

    private final JsonMapper json;

    /**
     * A flag left out of a definition means false, so that hand-written definitions stay short; an unknown property
     * is refused, so that a misspelt {@code noteRequired} cannot silently drop a requirement.
     */
    WorkflowJson(JsonMapper json) {
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The definition this JSON describes, or {@code INVALID_WORKFLOW} saying what is wrong with it. */
    WorkflowDefinition read(String text) {
        try {
            return json.readValue(text, WorkflowDefinition.class);
        } catch (JacksonException e) {
            throw asInvalid(e);
        }
    }

    WorkflowDefinition readClasspath(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read workflow definition " + path, e);
        }
    }

    String write(WorkflowDefinition definition) {
        return json.writeValueAsString(definition);
    }

    /** Jackson wraps what the records' constructors throw; the rule they name is the useful part. */
    private static WorkflowError asInvalid(JacksonException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WorkflowError error) {
                return error.workflowCode() == WorkflowError.Code.INVALID_CODE
                        ? WorkflowError.invalid("code", error.args()[0])
                        : error;
            }
        }
        return WorkflowError.invalid("unreadable", e.getOriginalMessage());
    }
}
