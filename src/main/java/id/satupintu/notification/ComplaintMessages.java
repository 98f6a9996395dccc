package id.satupintu.notification;

import java.util.List;
import java.util.Locale;

import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintMoved;
import id.satupintu.complaint.Complaints;
import id.satupintu.region.Malls;
import org.springframework.context.MessageSource;
import id.satupintu.shared.web.PublicLinks;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Tells complainants about their complaint, from its code when it is filed to every later change of its state, by
 * e-mail and text message where they left an address or number (or their account has one), in the language they
 * complained in. An anonymous complainant who left neither hears nothing and follows the complaint by its code.
 */
@Component
class ComplaintMessages {

    private final Complaints complaints;
    private final Malls malls;
    private final Deliveries deliveries;
    private final MailGateway mail;
    private final SmsGateway sms;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final PublicLinks links;

    ComplaintMessages(Complaints complaints, Malls malls, Deliveries deliveries, MailGateway mail, SmsGateway sms, TemplateEngine templates,
            MessageSource messages, PublicLinks links) {
        this.complaints = complaints;
        this.malls = malls;
        this.deliveries = deliveries;
        this.mail = mail;
        this.sms = sms;
        this.templates = templates;
        this.messages = messages;
        this.links = links;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ComplaintMoved event) {
        Complaint c = complaints.find(event.id()).orElseThrow();
        Complaints.Contact contact = complaints.contactForMessages(c);
        if (!contact.any()) {
            return;
        }
        Locale locale = Locale.of(c.language());
        String code = event.code().display();
        String state = messages.getMessage("workflow.state." + event.toState(), null, event.toState(), locale);
        String lead = messages.getMessage("mail.complaint.lead." + event.action(), null,
                messages.getMessage("mail.complaint.lead", new Object[] {state}, locale), locale);
        String subject = messages.getMessage("mail.complaint.subject", new Object[] {code, state}, locale);
        String link = links.to("/complaints/" + code);
        String key = "complaint/" + event.id() + "/" + event.toState() + "/" + event.at();
        if (contact.email() != null) {
            Context context = new Context(locale);
            context.setVariable("subject", subject);
            context.setVariable("name", contact.name());
            context.setVariable("lead", lead);
            context.setVariable("code", code);
            context.setVariable("mallName", malls.get(c.mallId()).name());
            context.setVariable("state", state);
            context.setVariable("note", event.publicNote());
            context.setVariable("link", link);
            String greeting = contact.name() == null ? messages.getMessage("mail.complaint.greeting", null, locale)
                    : messages.getMessage("mail.greeting", new Object[] {contact.name()}, locale);
            String text = greeting + "\n\n" + lead + "\n\n"
                    + messages.getMessage("complaint.code", null, locale) + ": " + code + "\n"
                    + messages.getMessage("complaint.status", null, locale) + ": " + state + "\n"
                    + (event.publicNote() == null ? ""
                            : messages.getMessage("complaint.note", null, locale) + ": " + event.publicNote() + "\n")
                    + "\n" + messages.getMessage("mail.complaint.open", null, locale) + " " + link + "\n";
            String html = templates.process("mail/complaint", context);
            deliveries.once(key + "/email",
                    () -> mail.send(key, contact.email(), subject, html, text, List.of(), List.of()));
        }
        if (contact.phone() != null) {
            String text = messages.getMessage("sms.complaint", new Object[] {code, state, link}, locale);
            deliveries.once(key + "/sms", () -> sms.send(contact.phone(), text));
        }
    }

}
