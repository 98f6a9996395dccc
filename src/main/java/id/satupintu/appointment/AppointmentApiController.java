package id.satupintu.appointment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.queue.TicketView;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.web.LimitedPublicWrite;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Appointments")
class AppointmentApiController {

    private final Appointments appointments;
    private final Malls malls;
    private final Catalogue catalogue;

    AppointmentApiController(Appointments appointments, Malls malls, Catalogue catalogue) {
        this.appointments = appointments;
        this.malls = malls;
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/malls/{mallCode}/services/{serviceCode}/slots")
    @Operation(summary = "The slots of a bookable day with their remaining seats",
            description = "Times carry the mall's own offset (+07:00 WIB, +08:00 WITA, +09:00 WIT). 422 "
                    + "OUTSIDE_BOOKING_WINDOW for a day that cannot be booked now (with firstDate and lastDate); 409 "
                    + "APPOINTMENTS_NOT_OFFERED for a service without appointments. A closed day has no slots.")
    List<Slot> slots(@PathVariable String mallCode, @PathVariable String serviceCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Mall mall = malls.getByCode(mallCode);
        return appointments.slots(mall, catalogue.service(mall.id(), serviceCode), date);
    }

    record BookingBody(@Size(max = 20) String mallCode, @Size(max = 40) String serviceCode, @Size(max = 40) String start,
            @Size(max = 40) String nik, @Size(max = 200) String name, @Size(max = 40) String phone,
            @Size(max = 300) String email) {
    }

    /** A booking as the API shows it; the NIK is never given back. */
    record AppointmentResponse(String id, String bookingCode, String mallCode, String serviceCode,
            OffsetDateTime start, OffsetDateTime end, String status, String ticketId) {

        static AppointmentResponse of(Booking booking) {
            Appointment a = booking.appointment();
            return new AppointmentResponse(a.id().toString(), a.code().value(), booking.mall().code(),
                    booking.service().code(), booking.start().toOffsetDateTime(), booking.end().toOffsetDateTime(),
                    a.status().name(), a.ticketId());
        }
    }

    @PostMapping("/api/v1/appointments")
    @LimitedPublicWrite
    @Operation(summary = "Book a slot",
            description = "start is the slot's start as listed by the slots call. 409 SLOT_FULL (with alternatives, "
                    + "the nearest free slots), 409 DUPLICATE_BOOKING for a second active booking of the NIK for the "
                    + "same service and day, 422 INVALID_NIK, 422 OUTSIDE_BOOKING_WINDOW, 422 NO_SUCH_SLOT, 422 "
                    + "INVALID_BOOKING (field names the field: name, phone, email, contact when neither phone nor "
                    + "e-mail is given, start). Limited per client: 429 RATE_LIMITED with Retry-After.")
    ResponseEntity<AppointmentResponse> book(@Valid @RequestBody BookingBody body, Locale locale) {
        Booking booking = appointments.book(new BookingRequest(body.mallCode(), body.serviceCode(), body.start(),
                body.nik(), body.name(), body.phone(), body.email()), Appointment.Channel.API, locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(AppointmentResponse.of(booking));
    }

    @GetMapping("/api/v1/appointments/{bookingCode}")
    @Operation(summary = "A booking by its code")
    AppointmentResponse find(@PathVariable String bookingCode) {
        return AppointmentResponse.of(appointments.find(BookingCode.parse(bookingCode)));
    }

    @DeleteMapping("/api/v1/appointments/{bookingCode}")
    @LimitedPublicWrite
    @Operation(summary = "Cancel a booking; its seat is free again at once",
            description = "Cancelling a cancelled booking changes nothing; 409 BOOKING_NOT_ACTIVE once checked in "
                    + "or a no-show.")
    AppointmentResponse cancel(@PathVariable String bookingCode) {
        return AppointmentResponse.of(appointments.cancel(BookingCode.parse(bookingCode)));
    }

    @PostMapping("/api/v1/appointments/{bookingCode}/check-in")
    @LimitedPublicWrite
    @Operation(summary = "Check a booking in: 201 the queue ticket it became",
            description = "Open from a while before the booked time to a while after it (per service, by default "
                    + "30 minutes before to 15 after): 409 CHECK_IN_TOO_EARLY with checkInFrom, 409 "
                    + "CHECK_IN_TOO_LATE with serviceCode (take a walk-in ticket for it instead). The ticket stands in line as if it had "
                    + "arrived at the booked time. Checking in again returns the same ticket with 200.")
    ResponseEntity<TicketView> checkIn(@PathVariable String bookingCode, Locale locale) {
        Appointments.CheckIn checkIn = appointments.checkIn(BookingCode.parse(bookingCode), null, locale);
        return ResponseEntity.status(checkIn.created() ? HttpStatus.CREATED : HttpStatus.OK).body(checkIn.ticket());
    }
}
