package id.satupintu.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.satupintu.appointment.Appointment;
import id.satupintu.appointment.AppointmentBooked;
import id.satupintu.appointment.AppointmentCancelled;
import id.satupintu.appointment.AppointmentReminderDue;
import id.satupintu.appointment.AppointmentStatus;
import id.satupintu.appointment.Appointments;
import id.satupintu.appointment.Booking;
import id.satupintu.appointment.BookingRules;
import id.satupintu.appointment.CalendarFiles;
import id.satupintu.region.DaySchedule;
import id.satupintu.region.MallCalendar;
import id.satupintu.shared.QrCodes;
import id.satupintu.shared.web.DateTexts;
import org.springframework.context.MessageSource;
import id.satupintu.shared.web.PublicLinks;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Tells citizens about their bookings: the confirmation (with the QR code and a calendar file), the reminder the day
 * before and a cancellation, by e-mail and text message as they gave. Events arrive through the event publication
 * registry, so a message whose sending failed is tried again after a restart. A message is built and sent outside
 * any transaction, so that rendering and a slow mail server hold no database connection.
 */
@Component
class AppointmentMessages {

    private final Appointments appointments;
    private final MallCalendar calendar;
    private final CalendarFiles calendarFiles;
    private final Deliveries deliveries;
    private final MailGateway mail;
    private final SmsGateway sms;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final DateTexts dates;
    private final PublicLinks links;

    AppointmentMessages(Appointments appointments, MallCalendar calendar, CalendarFiles calendarFiles,
            Deliveries deliveries, MailGateway mail, SmsGateway sms,
            TemplateEngine templates, MessageSource messages,
            DateTexts dates, PublicLinks links) {
        this.appointments = appointments;
        this.calendar = calendar;
        this.calendarFiles = calendarFiles;
        this.deliveries = deliveries;
        this.mail = mail;
        this.sms = sms;
        this.templates = templates;
        this.messages = messages;
        this.dates = dates;
        this.links = links;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AppointmentBooked event) {
        send(appointments.find(event.appointmentId()), "booked");
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AppointmentReminderDue event) {
        Booking booking = appointments.find(event.appointmentId());
        if (booking.status() == AppointmentStatus.BOOKED) {
            send(booking, "reminder");
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AppointmentCancelled event) {
        send(appointments.find(event.appointmentId()), "cancelled");
    }

    private void send(Booking booking, String kind) {
        Appointment a = booking.appointment();
        Locale locale = Locale.of(a.language());
        String when = dates.dateTime(booking.start(), locale);
        String serviceName = booking.service().name().in(locale);
        String link = links.to("/appointments/" + a.code().value());
        String key = "appointment/" + a.id() + "/" + kind;
        if (a.contact().email() != null) {
            deliveries.once(key + "/email", () -> email(key, booking, kind, locale, when, serviceName, link));
        }
        if (a.contact().phone() != null) {
            String text = switch (kind) {
                case "booked" -> message("sms.booked", locale, serviceName, booking.mall().name(), when,
                        a.code().display(), link);
                case "reminder" -> message("sms.reminder", locale, serviceName, when, booking.mall().name(),
                        a.code().display());
                default -> message("sms.cancelled", locale, a.code().display(), when);
            };
            deliveries.once(key + "/sms", () -> sms.send(a.contact().phone(), text));
        }
    }

    private void email(String key, Booking booking, String kind, Locale locale, String when, String serviceName, String link) {
        Appointment a = booking.appointment();
        String subject = message("mail." + kind + ".subject", locale, a.code().display(), serviceName, when);
        BookingRules rules = appointments.rules(booking.mall().id(), booking.service().id())
                .orElseGet(BookingRules::defaults);
        Context context = new Context(locale);
        context.setVariable("subject", subject);
        context.setVariable("kind", kind);
        context.setVariable("name", a.contact().name());
        context.setVariable("code", a.code().display());
        context.setVariable("when", when);
        context.setVariable("serviceName", serviceName);
        context.setVariable("mallName", booking.mall().name());
        context.setVariable("where", booking.mall().name() + ", " + booking.mall().address());
        context.setVariable("requirements", booking.service().requirements());
        context.setVariable("checkInBefore", rules.checkInBefore().toMinutes());
        context.setVariable("checkInAfter", rules.checkInAfter().toMinutes());
        context.setVariable("link", link);
        context.setVariable("closure", closure(booking));
        String html = templates.process("mail/appointment", context);
        List<MailGateway.InlineImage> images = new ArrayList<>();
        List<MailGateway.Attachment> attachments = new ArrayList<>();
        if (!"cancelled".equals(kind)) {
            images.add(new MailGateway.InlineImage("qr", QrCodes.png(a.code().value(), 6)));
        }
        if ("booked".equals(kind)) {
            attachments.add(new MailGateway.Attachment(calendarFiles.fileName(booking), "text/calendar",
                    calendarFiles.of(booking, link, locale).getBytes(StandardCharsets.UTF_8)));
        }
        mail.send(key, a.contact().email(), subject, html, text(kind, booking, when, serviceName, link, locale),
                images, attachments);
    }

    private String text(String kind, Booking booking, String when, String serviceName, String link,
            Locale locale) {
        StringBuilder text = new StringBuilder(message("mail.greeting", locale, booking.appointment().contact().name()))
                .append("\n\n").append(message("mail." + kind + ".lead", locale)).append("\n\n")
                .append(message("mail.code", locale)).append(": ").append(booking.code().display()).append('\n')
                .append(message("mail.when", locale)).append(": ").append(when).append('\n')
                .append(message("mail.service", locale)).append(": ").append(serviceName).append('\n')
                .append(message("mail.where", locale)).append(": ").append(booking.mall().name()).append('\n');
        if (!booking.service().requirements().isEmpty()) {
            text.append('\n').append(message("mail.bring", locale)).append('\n');
            booking.service().requirements().forEach(r -> text.append("- ").append(r).append('\n'));
        }
        return text.append('\n').append(message("mail.manage", locale)).append(' ').append(link).append('\n')
                .toString();
    }


    private String closure(Booking booking) {
        if (booking.appointment().cancelReason() != Appointment.CancelReason.MALL_CLOSURE) {
            return null;
        }
        return calendar.on(booking.mall(), booking.appointment().localDate()) instanceof DaySchedule.Closed closed
                && closed.name() != null ? closed.name() : "-";
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
