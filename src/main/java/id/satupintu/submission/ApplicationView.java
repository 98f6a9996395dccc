package id.satupintu.submission;

import java.time.ZonedDateTime;
import java.util.List;

import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Mall;
import id.satupintu.workflow.Actor;
import id.satupintu.workflow.WorkflowDefinition;

/**
 * An application with what its pages show beside it: where and what it is for, the checklist with the files given
 * for each requirement, the timeline, and the actions open to the viewer.
 */
record ApplicationView(Submission submission, Mall mall, MallService service, Agency agency,
        List<RequirementFiles> checklist, List<Step> timeline, List<WorkflowDefinition.Action> actions,
        ZonedDateTime due, boolean overdue, boolean applicantTurn, boolean closed) {

    /** One line of the service's checklist and the files given for it. */
    record RequirementFiles(ChecklistItem item, List<SubmissionDocument> files) {

        public int number() {
            return item.index();
        }

        public String requirement() {
            return item.text();
        }

        public boolean satisfied() {
            return !files.isEmpty() || item.kind() != ChecklistItem.Kind.REQUIRED;
        }
    }

    /** The note of the step that brought the application into its current state, such as what to revise. */
    public String currentNote() {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            Step step = timeline.get(i);
            if (step.changedState()) {
                return step.note() == null || step.note().isBlank() ? null : step.note();
            }
        }
        return null;
    }

    public boolean complete() {
        return checklist.stream().allMatch(RequirementFiles::satisfied);
    }

    static ApplicationView of(Submission s, Mall mall, MallService service, Agency agency,
            List<SubmissionDocument> documents, List<Step> timeline, WorkflowDefinition workflow, Actor viewer,
            java.time.Instant now) {
        List<RequirementFiles> checklist = ChecklistItem.of(service.requirements()).stream()
                .map(item -> new RequirementFiles(item,
                        documents.stream().filter(d -> d.requirementNo() == item.index()).toList()))
                .toList();
        List<WorkflowDefinition.Action> actions = s.isDraft() ? List.of() : workflow.available(s.state(), viewer);
        ZonedDateTime due = s.dueAt() == null ? null : s.dueAt().atZone(mall.timeZone());
        return new ApplicationView(s, mall, service, agency, checklist, timeline, actions, due,
                s.dueAt() != null && s.dueAt().isBefore(now), s.acceptsApplicantChanges(workflow),
                s.isClosed(workflow));
    }
}
