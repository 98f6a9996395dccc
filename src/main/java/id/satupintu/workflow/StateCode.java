package id.satupintu.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A state of a workflow, such as {@code VERIFICATION}. Given to a message source it resolves to its label
 * ({@code workflow.state.<CODE>}), or to the code for a state without one.
 */
public record StateCode(@JsonValue String value) implements LabelledCode {

    @JsonCreator
    public StateCode {
        Codes.require(value);
    }

    @Override
    public String labelPrefix() {
        return "workflow.state.";
    }

    @Override
    public String toString() {
        return value;
    }
}
