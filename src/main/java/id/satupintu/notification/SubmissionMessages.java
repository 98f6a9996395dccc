package id.satupintu.notification;

import java.util.List;
import java.util.Locale;

import id.satupintu.identity.Citizen;
import id.satupintu.identity.Citizens;
import id.satupintu.submission.Submission;
import id.satupintu.submission.SubmissionMoved;
import id.satupintu.submission.Submissions;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.region.Malls;
import org.springframework.context.MessageSource;
import id.satupintu.shared.web.PublicLinks;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Tells applicants about every step of their online application, by e-mail and text message as their account
 * gives, in the language they applied in.
 */
@Component
class SubmissionMessages {

    private final Submissions submissions;
    private final Citizens citizens;
    private final Malls malls;
    private final Catalogue catalogue;
    private final Deliveries deliveries;
    private final MailGateway mail;
    private final SmsGateway sms;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final PublicLinks links;

    SubmissionMessages(Submissions submissions, Citizens citizens, Malls malls, Catalogue catalogue,
            Deliveries deliveries, MailGateway mail, SmsGateway sms, TemplateEngine templates, MessageSource messages,
            PublicLinks links) {
        this.submissions = submissions;
        this.citizens = citizens;
        this.malls = malls;
        this.catalogue = catalogue;
        this.deliveries = deliveries;
        this.mail = mail;
        this.sms = sms;
        this.templates = templates;
        this.messages = messages;
        this.links = links;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SubmissionMoved event) {
        Submission s = submissions.find(event.id()).orElseThrow();
        Citizen applicant = citizens.find(event.citizen()).orElseThrow();
        Locale locale = Locale.of(s.language());
        String serviceName = catalogue.service(s.mallId(), s.serviceId()).name().in(locale);
        String mallName = malls.get(s.mallId()).name();
        String state = messages.getMessage("workflow.state." + event.toState(), null, event.toState(), locale);
        String lead = messages.getMessage("mail.sub.lead." + event.toState(), null,
                messages.getMessage("mail.sub.lead", new Object[] {state}, locale), locale);
        String subject = messages.getMessage("mail.sub.subject",
                new Object[] {event.trackingNumber().value(), state}, locale);
        String link = links.to("/citizen/applications/" + s.id());
        String trackLink = links.to("/track/" + event.trackingNumber().value());
        String key = "submission/" + event.id() + "/" + event.toState() + "/" + event.at();
        if (applicant.email() != null && !applicant.email().isBlank()) {
            Context context = new Context(locale);
            context.setVariable("subject", subject);
            context.setVariable("name", applicant.fullName());
            context.setVariable("lead", lead);
            context.setVariable("number", event.trackingNumber().value());
            context.setVariable("serviceName", serviceName);
            context.setVariable("mallName", mallName);
            context.setVariable("state", state);
            context.setVariable("note", event.note() == null || event.note().isBlank() ? null : event.note());
            context.setVariable("link", link);
            context.setVariable("trackLink", trackLink);
            String text = messages.getMessage("mail.greeting", new Object[] {applicant.fullName()}, locale) + "\n\n"
                    + lead + "\n\n"
                    + messages.getMessage("sub.trackingNumber", null, locale) + ": " + event.trackingNumber() + "\n"
                    + messages.getMessage("sub.service", null, locale) + ": " + serviceName + " (" + mallName + ")\n"
                    + messages.getMessage("sub.status", null, locale) + ": " + state + "\n"
                    + (context.getVariable("note") == null ? ""
                            : messages.getMessage("sub.note", null, locale) + ": " + event.note() + "\n")
                    + "\n" + messages.getMessage("mail.sub.open", null, locale) + " " + link + "\n";
            String html = templates.process("mail/submission", context);
            deliveries.once(key + "/email",
                    () -> mail.send(key, applicant.email(), subject, html, text, List.of(), List.of()));
        }
        if (applicant.phone() != null && !applicant.phone().isBlank()) {
            String text = messages.getMessage("sms.sub",
                    new Object[] {event.trackingNumber().value(), state, trackLink}, locale);
            deliveries.once(key + "/sms", () -> sms.send(applicant.phone(), text));
        }
    }

}
