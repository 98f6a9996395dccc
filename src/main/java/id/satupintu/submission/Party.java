package id.satupintu.submission;

import id.satupintu.audit.ProcessingLog;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.shared.CitizenId;
import id.satupintu.workflow.Actor;

/** Who takes a step: the applicant (on the web or through an integrator), a member of staff, or the system. */
public sealed interface Party {

    Actor actor();

    /** The name shown in the timeline. */
    String name();

    ProcessingLog.Actor auditActor();

    /**
     * The citizen applying for themselves.
     *
     * @param channel {@code WEB}, or the client id of the integrator acting for the citizen
     */
    record Applicant(CitizenId citizen, String name, String channel) implements Party {

        public static final String WEB = "WEB";

        @Override
        public Actor actor() {
            return Actor.APPLICANT;
        }

        @Override
        public ProcessingLog.Actor auditActor() {
            return WEB.equals(channel)
                    ? new ProcessingLog.Actor(ProcessingLog.ActorKind.CITIZEN, citizen.toString(), name)
                    : new ProcessingLog.Actor(ProcessingLog.ActorKind.INTEGRATOR, channel, channel);
        }
    }

    record Staff(StaffPrincipal principal) implements Party {

        @Override
        public Actor actor() {
            return principal.role() == StaffRole.OFFICER ? Actor.OFFICER : Actor.MALL_MANAGER;
        }

        @Override
        public String name() {
            return principal.displayName();
        }

        @Override
        public ProcessingLog.Actor auditActor() {
            return new ProcessingLog.Actor(ProcessingLog.ActorKind.STAFF, principal.username(),
                    principal.displayName());
        }
    }

    record System() implements Party {

        @Override
        public Actor actor() {
            return Actor.SYSTEM;
        }

        @Override
        public String name() {
            return "SatuPintu";
        }

        @Override
        public ProcessingLog.Actor auditActor() {
            return new ProcessingLog.Actor(ProcessingLog.ActorKind.SYSTEM, "system", name());
        }
    }
}
