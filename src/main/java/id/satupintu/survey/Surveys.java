package id.satupintu.survey;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.queue.Queue;
import id.satupintu.queue.TicketId;
import id.satupintu.queue.TicketStatus;
import id.satupintu.queue.TicketView;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.submission.Submission;
import id.satupintu.submission.SubmissionError;
import id.satupintu.submission.SubmissionId;
import id.satupintu.submission.Submissions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes questionnaires: from the citizen after a finished ticket or an issued application (one each, however often
 * they try), and from paper, typed in by the mall's staff. The answers are checked against the elements the survey
 * has: each 1 to 4, any may be left out, at least one given.
 */
@Service
public class Surveys {

    private final SurveyStore store;
    private final SurveyReferences references;
    private final Queue queue;
    private final Submissions submissions;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;
    private volatile List<SurveyElement> elements;

    Surveys(SurveyStore store, SurveyReferences references, Queue queue, Submissions submissions, Malls malls,
            MallCalendar calendar, Catalogue catalogue) {
        this.store = store;
        this.references = references;
        this.queue = queue;
        this.submissions = submissions;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
    }

    /** The survey's elements in the order of the form; they change only with the schema. */
    public List<SurveyElement> elements() {
        List<SurveyElement> loaded = elements;
        if (loaded == null) {
            loaded = List.copyOf(store.elements());
            elements = loaded;
        }
        return loaded;
    }

    /** What a questionnaire rates: a service of a mall, and the hashed ticket or application when there is one. */
    public record Subject(Mall mall, MallService service, String referenceHash) {
    }

    /** The subject of the survey after a ticket; {@code SURVEY_NOT_OPEN} until the ticket is finished. */
    public Subject forTicket(TicketId id) {
        TicketView ticket = queue.view(id, Locale.ROOT);
        if (!TicketStatus.DONE.name().equals(ticket.status())) {
            throw new SurveyError(SurveyError.Code.SURVEY_NOT_OPEN);
        }
        Mall mall = malls.getByCode(ticket.mallCode());
        return new Subject(mall, catalogue.service(mall.id(), ticket.serviceCode()),
                references.ofTicket(ticket.id()));
    }

    /** The subject of the survey after an online application; {@code SURVEY_NOT_OPEN} until it is issued. */
    public Subject forApplication(SubmissionId id) {
        Submission application = submissions.find(id)
                .orElseThrow(() -> new SubmissionError(SubmissionError.Code.SUBMISSION_NOT_FOUND));
        if (!submissions.isIssued(application)) {
            throw new SurveyError(SurveyError.Code.SURVEY_NOT_OPEN);
        }
        return new Subject(malls.get(application.mallId()),
                catalogue.service(application.mallId(), application.serviceId()), references.ofApplication(
                        application.id().toString()));
    }

    public boolean answered(Subject subject) {
        return subject.referenceHash() != null && store.answered(subject.mall().id(), subject.referenceHash());
    }

    /**
     * Records the citizen's answers about the subject, on the mall's today, which it returns; {@code ALREADY_ANSWERED}
     * when it was rated before.
     */
    @Transactional
    public LocalDate answer(Subject subject, Map<String, Integer> answers, Respondent respondent, Source source) {
        return record(subject, answers, respondent, source, calendar.now(subject.mall()).toLocalDate());
    }

    /**
     * Records a paper questionnaire about a service of the mall, filled in on {@code answeredOn} (today when empty).
     * Only the mall's manager (or the national administrator) may. Returns the day it counts on.
     */
    @Transactional
    public LocalDate enterPaper(StaffPrincipal staff, Mall mall, MallService service, Map<String, Integer> answers,
            Respondent respondent, LocalDate answeredOn) {
        staff.requireManagerOf(mall.id());
        LocalDate today = calendar.now(mall).toLocalDate();
        if (answeredOn != null && answeredOn.isAfter(today)) {
            throw SurveyError.invalid("futureDate", answeredOn);
        }
        return record(new Subject(mall, service, null), answers, respondent, Source.PAPER,
                answeredOn == null ? today : answeredOn);
    }

    /** Records demo questionnaires; for the demo installation only. */
    @Transactional
    public void enterDemo(Mall mall, MallService service, Map<String, Integer> answers, Respondent respondent,
            LocalDate answeredOn) {
        record(new Subject(mall, service, null), answers, respondent, Source.DEMO, answeredOn);
    }

    /** A made-up questionnaire of a demo history. */
    public record DemoResponse(Mall mall, MallService service, Map<String, Integer> answers, Respondent respondent,
            LocalDate answeredOn) {
    }

    /** Records many demo questionnaires at once (a generated history); for the demo installation only. */
    @Transactional
    public void enterDemo(List<DemoResponse> responses) {
        store.insertAll(responses.stream()
                .map(r -> new SurveyStore.NewResponse(r.mall().id(), r.service().agencyId(), r.service().id(),
                        r.answeredOn(), Source.DEMO, null, checked(r.answers()),
                        r.respondent() == null ? Respondent.NONE : r.respondent()))
                .toList());
    }

    private LocalDate record(Subject subject, Map<String, Integer> answers, Respondent respondent, Source source,
            LocalDate answeredOn) {
        Map<String, Integer> checked = checked(answers);
        boolean stored = store.insert(new SurveyStore.NewResponse(subject.mall().id(), subject.service().agencyId(),
                subject.service().id(), answeredOn, source, subject.referenceHash(), checked,
                respondent == null ? Respondent.NONE : respondent));
        if (!stored) {
            throw new SurveyError(SurveyError.Code.ALREADY_ANSWERED);
        }
        return answeredOn;
    }

    /** The answers given, in the order of the form; {@code INVALID_SURVEY} for anything the survey does not ask. */
    Map<String, Integer> checked(Map<String, Integer> answers) {
        Set<String> known = elements().stream().map(SurveyElement::code).collect(Collectors.toSet());
        if (answers != null) {
            for (Map.Entry<String, Integer> answer : answers.entrySet()) {
                if (!known.contains(answer.getKey())) {
                    throw SurveyError.invalid("element", answer.getKey(), String.join(", ", codes()));
                }
                Integer score = answer.getValue();
                if (score != null && (score < 1 || score > 4)) {
                    throw SurveyError.invalid("score", answer.getKey(), score);
                }
            }
        }
        Map<String, Integer> checked = new LinkedHashMap<>();
        for (SurveyElement element : elements()) {
            Integer score = answers == null ? null : answers.get(element.code());
            if (score != null) {
                checked.put(element.code(), score);
            }
        }
        if (checked.isEmpty()) {
            throw SurveyError.invalid("empty");
        }
        return checked;
    }

    private List<String> codes() {
        return elements().stream().map(SurveyElement::code).toList();
    }
}
