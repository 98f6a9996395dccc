package id.satupintu.queue;

import id.satupintu.catalogue.MallService;
import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;

/**
 * Seats of a service's daily quota that are set aside for another channel (appointments) and so are not for
 * walk-ins. The walk-in quota of a day is the daily quota minus what all reservations hold.
 */
public interface WalkInReservations {

    int reservedSeats(Mall mall, MallService service, DaySchedule day);
}
