package id.satupintu.submission;

import java.time.Instant;
import java.util.Locale;

import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.MallService;
import id.satupintu.document.OutputDocumentContent;
import id.satupintu.identity.Citizen;
import id.satupintu.region.Mall;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words of an application's output document, in the language the applicant applied in. */
@Component
class OutputText {

    private final MessageSource messages;

    OutputText(MessageSource messages) {
        this.messages = messages;
    }

    OutputDocumentContent contentFor(Submission s, Mall mall, MallService service, Agency agency, Citizen applicant,
            String officerName, String note, Instant decidedAt) {
        Locale locale = Locale.forLanguageTag(s.language());
        String serviceName = service.name().in(locale);
        String decision = messages.getMessage("submission.output.decision",
                new Object[] {serviceName, applicant.fullName()}, locale);
        if (note != null && !note.isBlank()) {
            decision = decision + "\n" + messages.getMessage("submission.output.note", new Object[] {note}, locale);
        }
        String title = messages.getMessage("submission.output.title", new Object[] {serviceName}, locale);
        return new OutputDocumentContent(s.trackingNumber().value(), title, decision, applicant.fullName(),
                applicant.nikMasked(), serviceName, agency.name().in(locale), mall.name(), mall.timeZone(), s.submittedAt(), decidedAt,
                officerName, locale);
    }
}
