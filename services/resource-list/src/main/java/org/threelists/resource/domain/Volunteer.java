package org.threelists.resource.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.threelists.platform.domain.IllegalTransitionException;
import org.threelists.platform.domain.RuleBrokenException;
import org.threelists.resource.domain.VolunteerCommands.AmendVolunteer;
import org.threelists.resource.domain.VolunteerCommands.EraseVolunteerData;
import org.threelists.resource.domain.VolunteerCommands.RegisterVolunteer;
import org.threelists.resource.domain.VolunteerCommands.VolunteerLeaves;
import org.threelists.resource.domain.VolunteerEvents.VolunteerAmended;
import org.threelists.resource.domain.VolunteerEvents.VolunteerDataErased;
import org.threelists.resource.domain.VolunteerEvents.VolunteerLeft;
import org.threelists.resource.domain.VolunteerEvents.VolunteerRegistered;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A dual-registered member (双报到): an in-service Party member of a unit who volunteers in their home community.
 * Their hours count for them and for their unit. Registered only with their recorded consent.
 */
public class Volunteer {

    @AggregateIdentifier
    private String volunteerId;
    private String unitId;
    private MembershipStatus status;
    private boolean dataErased;

    protected Volunteer() {
    }

    @CommandHandler
    public Volunteer(RegisterVolunteer command) {
        if (command.consentGivenAt() == null) {
            throw new RuleBrokenException("consent", "a volunteer is registered only with their consent");
        }
        if (command.sealedPerson() == null) {
            throw new RuleBrokenException("person", "is required");
        }
        checkSkills(command.skills());
        apply(new VolunteerRegistered(command.volunteerId(), command.unitId(), command.homeCommunity(),
                List.copyOf(command.skills()), command.sealedPerson(), command.maskedName(), command.consentGivenAt(),
                command.actor()));
    }

    @CommandHandler
    public void handle(AmendVolunteer command) {
        requireActive("amend");
        checkSkills(command.skills());
        apply(new VolunteerAmended(volunteerId, unitId, command.homeCommunity(), List.copyOf(command.skills()), status,
                command.actor()));
    }

    @CommandHandler
    public void handle(VolunteerLeaves command) {
        requireActive("record the leaving of");
        String reason = command.reason() == null || command.reason().isBlank() ? "no reason given" : command.reason().strip();
        apply(new VolunteerLeft(volunteerId, unitId, reason, command.actor()));
    }

    /** Idempotent, like every erasure: nothing left to erase records nothing. */
    @CommandHandler
    public void handle(EraseVolunteerData command) {
        if (!dataErased) {
            apply(new VolunteerDataErased(volunteerId, unitId, command.actor()));
        }
    }

    @EventSourcingHandler
    void on(VolunteerRegistered event) {
        volunteerId = event.volunteerId();
        unitId = event.unitId();
        status = MembershipStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(VolunteerLeft event) {
        status = MembershipStatus.LEFT;
    }

    @EventSourcingHandler
    void on(VolunteerDataErased event) {
        dataErased = true;
    }

    private void requireActive(String action) {
        if (status != MembershipStatus.ACTIVE) {
            throw new IllegalTransitionException(action + " volunteer " + volunteerId, status);
        }
    }

    private static void checkSkills(List<String> skills) {
        if (skills == null || skills.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new RuleBrokenException("skills", "must be a list of non-blank skills");
        }
    }
}
