package id.satupintu.survey;

/** How a questionnaire reached the system. */
public enum Source {
    /** The citizen's own phone or computer, through the link after a ticket or an application. */
    ONLINE,
    /** The tablet at the counter, handed to the citizen just served. */
    TABLET,
    /** A paper questionnaire typed in by the mall's staff. */
    PAPER,
    /** Made up for the demo installation; never in a real one. */
    DEMO
}
