package id.satupintu.workflow;

/** Who takes an action in a workflow. Given to a message source it resolves to its label. */
public enum Actor implements LabelledCode {
    /** The citizen (or business) who applied. */
    APPLICANT,
    /** A counter officer of the agency that provides the service. */
    OFFICER,
    /** The mall's manager (pengelola MPP), who also receives escalations. */
    MALL_MANAGER,
    /** SatuPintu itself, acting when a deadline passes. */
    SYSTEM;

    @Override
    public String value() {
        return name();
    }

    @Override
    public String labelPrefix() {
        return "workflow.actor.";
    }
}
