package id.satupintu.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An action that moves a workflow on, such as {@code APPROVE}. Given to a message source it resolves to its label
 * ({@code workflow.action.<CODE>}), or to the code for an action without one.
 */
public record ActionCode(@JsonValue String value) implements LabelledCode {

    @JsonCreator
    public ActionCode {
        Codes.require(value);
    }

    @Override
    public String labelPrefix() {
        return "workflow.action.";
    }

    @Override
    public String toString() {
        return value;
    }
}
