package id.satupintu.queue;

import java.time.LocalDate;

import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;

/**
 * Seats of a service's daily quota that are set aside for another channel (appointments) and so are not for
 * walk-ins. The walk-in quota of a day is the daily quota minus what all reservations hold.
 */
public interface WalkInReservations {

    int reservedSeats(MallId mall, ServiceId service, LocalDate day);
}
