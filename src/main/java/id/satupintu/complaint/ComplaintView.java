package id.satupintu.complaint;

import java.time.ZonedDateTime;
import java.util.List;

import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Mall;
import id.satupintu.workflow.WorkflowDefinition;

/**
 * A complaint with what its pages show beside it: where and what it is about, the attachments, the record of steps
 * and the actions open to the viewer.
 *
 * @param agency  the agency it is about, or null
 * @param service the service it is about, or null
 * @param complainantActions what the holder of the code may do now, see {@link Complaints#complainantActions}
 * @param due     the current state's deadline in the mall's zone, or null
 */
record ComplaintView(Complaint complaint, Mall mall, Agency agency, MallService service, ComplaintCategory category,
        List<ComplaintAttachment> attachments, List<ComplaintStep> timeline, List<WorkflowDefinition.Action> actions,
        List<String> complainantActions, ZonedDateTime due, boolean overdue) {

    /** Whether the viewer may take this workflow action now. */
    public boolean offers(String action) {
        return actions.stream().anyMatch(a -> a.code().value().equals(action));
    }

    /** The steps the complainant's page shows. */
    public List<ComplaintStep> publicTimeline() {
        return timeline.stream().filter(ComplaintStep::shownPublicly).toList();
    }

    /** A complaint in a staff list. */
    record ListRow(Complaint complaint, Agency agency, ComplaintCategory category, ZonedDateTime due,
            boolean overdue) {
    }
}
