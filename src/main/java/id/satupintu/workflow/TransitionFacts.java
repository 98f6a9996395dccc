package id.satupintu.workflow;

/** What the one taking an action brings with it: whether documents are attached, and a note (may be null). */
public record TransitionFacts(boolean hasDocuments, String note) {

    /** Nothing attached and no note, as when the system acts on a missed deadline. */
    public static TransitionFacts none() {
        return new TransitionFacts(false, null);
    }

    boolean hasNote() {
        return note != null && !note.isBlank();
    }
}
