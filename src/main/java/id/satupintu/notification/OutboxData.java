package id.satupintu.notification;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import id.satupintu.identity.Citizens;
import id.satupintu.shared.CitizenId;
import id.satupintu.shared.PersonalData;
import org.springframework.stereotype.Component;

/**
 * The messages' part of a citizen's data. Messages are handed to the mail server or SMS provider and not kept;
 * only a demo installation keeps the last ones in its simulated outbox (in memory), and those to the citizen's
 * e-mail address or phone number are given.
 */
@Component
class OutboxData implements PersonalData.Source {

    private final SimulatedOutbox outbox;
    private final Citizens citizens;

    OutboxData(SimulatedOutbox outbox, Citizens citizens) {
        this.outbox = outbox;
        this.citizens = citizens;
    }

    @Override
    public PersonalData.Part partFor(CitizenId citizen) {
        List<String> contacts = citizens.find(citizen).stream()
                .flatMap(c -> Stream.of(c.email(), c.phone())).filter(Objects::nonNull).toList();
        return PersonalData.Part.of("messages", 50, outbox.all().stream()
                .filter(m -> contacts.contains(m.to())).toList());
    }
}
