package org.threelists.resource.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.platform.pii.PersonalDataVault;
import org.threelists.resource.domain.VolunteerCommands.AmendVolunteer;
import org.threelists.resource.domain.VolunteerCommands.EraseVolunteerData;
import org.threelists.resource.domain.VolunteerCommands.RegisterVolunteer;
import org.threelists.resource.domain.VolunteerCommands.VolunteerLeaves;
import org.threelists.resource.domain.VolunteerPerson;
import org.threelists.resource.projection.MemberUnitView;
import org.threelists.resource.projection.VolunteerView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Volunteers registered with a unit (双报到): an active unit registers its members with their consent; their name
 * and phone are sealed with the volunteer's own key (platform.pii.PersonalDataVault), so erasing them destroys the
 * key and every stored copy becomes unreadable while the masked name and the history stay.
 */
@ApplicationScoped
public class VolunteerRegistry {

    private final CommandGateway commands;
    private final ServiceArea area;
    private final PersonalDataVault vault;

    VolunteerRegistry(CommandGateway commands, ServiceArea area, PersonalDataVault vault) {
        this.commands = commands;
        this.area = area;
        this.vault = vault;
    }

    /** Returns the new volunteer's id; {@code consentGivenAt} is when the volunteer consented. */
    @Transactional
    public String register(MemberUnitView unit, String homeCommunity, List<String> skills, VolunteerPerson person,
            Instant consentGivenAt, String actor) {
        UnitMembership.requireActive(unit, "register volunteers");
        area.requireExists("homeCommunity", homeCommunity);
        String volunteerId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterVolunteer(volunteerId, unit.unitId, homeCommunity, skills,
                vault.sealJson(subject(volunteerId), person), person.maskedName(), consentGivenAt, actor));
        return volunteerId;
    }

    @Transactional
    public void amend(String volunteerId, String homeCommunity, List<String> skills, String actor) {
        area.requireExists("homeCommunity", homeCommunity);
        commands.sendAndWait(new AmendVolunteer(volunteerId, homeCommunity, skills, actor));
    }

    @Transactional
    public void leave(String volunteerId, String reason, String actor) {
        commands.sendAndWait(new VolunteerLeaves(volunteerId, reason, actor));
    }

    /** Destroys the volunteer's key and records the erasure, in one transaction; erasing twice changes nothing. */
    @Transactional
    public void erasePersonalData(String volunteerId, String actor) {
        vault.erase(subject(volunteerId), actor);
        commands.sendAndWait(new EraseVolunteerData(volunteerId, actor));
    }

    /** The person behind the record; empty once erased. Whether the caller may see it is the caller's to decide. */
    public Optional<VolunteerPerson> person(VolunteerView volunteer) {
        if (volunteer.personErased) {
            return Optional.empty();
        }
        return vault.openJson(subject(volunteer.volunteerId), volunteer.sealedPerson, VolunteerPerson.class);
    }

    private static String subject(String volunteerId) {
        return "volunteer:" + volunteerId;
    }
}
