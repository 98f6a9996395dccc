package id.satupintu.workflow;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** A workflow definition that cannot work, or an action a workflow does not allow. */
public class WorkflowError extends DomainException {

    public enum Code implements ErrorCode {
        /** The definition breaks a rule; the message key's last part and the {@code rule} property say which. */
        INVALID_WORKFLOW,
        /** A workflow, state or action code that is not UPPER_SNAKE. */
        INVALID_CODE,
        /** The action does not exist or cannot be taken from the current state. */
        ILLEGAL_ACTION,
        /** The actor's role may not take this action. */
        ACTION_NOT_ALLOWED,
        NOTE_REQUIRED,
        DOCUMENTS_REQUIRED,
        /** A state the definition does not have (it may have been edited since). */
        UNKNOWN_STATE,
        WORKFLOW_NOT_FOUND;

        @Override
        public ErrorKind kind() {
            return switch (this) {
                case INVALID_CODE -> ErrorKind.BAD_REQUEST;
                case ILLEGAL_ACTION, UNKNOWN_STATE -> ErrorKind.CONFLICT;
                case ACTION_NOT_ALLOWED -> ErrorKind.FORBIDDEN;
                case WORKFLOW_NOT_FOUND -> ErrorKind.NOT_FOUND;
                case INVALID_WORKFLOW, NOTE_REQUIRED, DOCUMENTS_REQUIRED -> ErrorKind.UNPROCESSABLE;
            };
        }
    }

    public WorkflowError(Code code, Object... args) {
        super(code, args);
    }

    private WorkflowError(Code code, String messageKey, Object... args) {
        super(code, messageKey, args);
    }

    public Code workflowCode() {
        return (Code) code();
    }

    /** A definition that breaks {@code rule}; the detail comes from {@code error.INVALID_WORKFLOW.<rule>}. */
    static WorkflowError invalid(String rule, Object... args) {
        WorkflowError error = new WorkflowError(Code.INVALID_WORKFLOW, Code.INVALID_WORKFLOW.messageKey() + "." + rule,
                args);
        error.with("rule", rule);
        return error;
    }

    /** The rule an invalid definition broke, or null for other errors. */
    public String rule() {
        return (String) properties().get("rule");
    }
}
