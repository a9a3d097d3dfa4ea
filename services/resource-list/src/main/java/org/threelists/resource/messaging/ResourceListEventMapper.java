package org.threelists.resource.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventMessage;
import org.threelists.contracts.Category;
import org.threelists.platform.relay.CloudEvent;
import org.threelists.platform.relay.IntegrationEvent;
import org.threelists.platform.relay.IntegrationEventMapper;
import org.threelists.resource.domain.Availability;
import org.threelists.resource.domain.CapacityPeriod;
import org.threelists.resource.domain.CapacityUnit;
import org.threelists.resource.domain.MemberUnitEvents.UnitAmended;
import org.threelists.resource.domain.MemberUnitEvents.UnitLeft;
import org.threelists.resource.domain.MemberUnitEvents.UnitRegistered;
import org.threelists.resource.domain.MemberUnitEvents.UnitRejoined;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.PartyGroupEvents.PartyGroupCreated;
import org.threelists.resource.domain.PartyGroupEvents.PartyGroupLeaderNamed;
import org.threelists.resource.domain.PartyGroupEvents.PartyMemberAdded;
import org.threelists.resource.domain.PartyGroupEvents.PartyMemberRemoved;
import org.threelists.resource.domain.PartyMemberKind;
import org.threelists.resource.domain.ResourceDetails;
import org.threelists.resource.domain.ResourceEvents.CapacityConsumed;
import org.threelists.resource.domain.ResourceEvents.CapacityRefused;
import org.threelists.resource.domain.ResourceEvents.CapacityReleased;
import org.threelists.resource.domain.ResourceEvents.CapacityReserved;
import org.threelists.resource.domain.ResourceEvents.ResourceAmended;
import org.threelists.resource.domain.ResourceEvents.ResourceOffered;
import org.threelists.resource.domain.ResourceEvents.ResourceWithdrawn;
import org.threelists.resource.domain.ResourceStatus;
import org.threelists.resource.domain.ResourceType;
import org.threelists.resource.domain.UnitKind;
import org.threelists.resource.domain.UnitProfile;
import org.threelists.resource.domain.VolunteerEvents.VolunteerAmended;
import org.threelists.resource.domain.VolunteerEvents.VolunteerDataErased;
import org.threelists.resource.domain.VolunteerEvents.VolunteerLeft;
import org.threelists.resource.domain.VolunteerEvents.VolunteerRegistered;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Translates the resource list's domain events into resource-list.events.v1
 * (contracts/schemas/resource-list.events.v1.schema.json). Every message of a unit is keyed by the unit, so one
 * unit's offers, capacity and volunteers arrive in order; a Party group's are keyed by the group, which belongs to a
 * community, not to a unit. Volunteers and members appear only with their masked name. A mapper, not a
 * publisher: the platform's relay (platform.relay.EventRelay) publishes what it maps, once each committed event.
 */
@ApplicationScoped
public class ResourceListEventMapper implements IntegrationEventMapper {

    public static final String TOPIC = "resource-list.events.v1";
    static final String SOURCE = "/threelists/resource-list";

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public List<IntegrationEvent> map(EventMessage<?> event) {
        Message message = translate(event.getPayload());
        if (message == null) {
            return List.of();
        }
        return List.of(new IntegrationEvent(TOPIC, message.key, CloudEvent.of(event.getIdentifier(), SOURCE,
                "threelists." + message.type + ".v1", message.subject, event.getTimestamp(), message.data)));
    }

    /** {@code key}: the unit's id, or the Party group's for its events. */
    private record Message(String type, String key, String subject, Object data) {
    }

    private static Message translate(Object payload) {
        if (payload instanceof UnitRegistered e) {
            return new Message("unit.registered", e.unitId(), e.unitId(),
                    Unit.of(e.unitId(), e.streetCode(), e.profile(), MembershipStatus.ACTIVE, e.actor()));
        }
        if (payload instanceof UnitAmended e) {
            return new Message("unit.amended", e.unitId(), e.unitId(),
                    Unit.of(e.unitId(), e.streetCode(), e.profile(), e.status(), e.actor()));
        }
        if (payload instanceof UnitLeft e) {
            return new Message("unit.left", e.unitId(), e.unitId(),
                    new UnitChange(e.unitId(), MembershipStatus.LEFT, e.actor()));
        }
        if (payload instanceof UnitRejoined e) {
            return new Message("unit.rejoined", e.unitId(), e.unitId(),
                    new UnitChange(e.unitId(), MembershipStatus.ACTIVE, e.actor()));
        }
        if (payload instanceof ResourceOffered e) {
            return new Message("resource.offered", e.unitId(), e.resourceId(),
                    Offer.of(e.resourceId(), e.unitId(), e.type(), e.details(), ResourceStatus.ACTIVE, e.actor()));
        }
        if (payload instanceof ResourceAmended e) {
            return new Message("resource.amended", e.unitId(), e.resourceId(),
                    Offer.of(e.resourceId(), e.unitId(), e.type(), e.details(), e.status(), e.actor()));
        }
        if (payload instanceof ResourceWithdrawn e) {
            return new Message("resource.withdrawn", e.unitId(), e.resourceId(),
                    new OfferWithdrawn(e.resourceId(), e.unitId(), ResourceStatus.WITHDRAWN, e.actor()));
        }
        if (payload instanceof CapacityReserved e) {
            return new Message("capacity.reserved", e.unitId(), e.resourceId(), new CapacityChange(e.resourceId(),
                    e.unitId(), e.projectId(), e.amount(), null, e.period(), e.remaining(), null, e.actor(), e.claimId()));
        }
        if (payload instanceof CapacityReleased e) {
            return new Message("capacity.released", e.unitId(), e.resourceId(), new CapacityChange(e.resourceId(),
                    e.unitId(), e.projectId(), e.amount(), null, e.period(), e.remaining(), e.reason(), e.actor(),
                    e.claimId()));
        }
        if (payload instanceof CapacityConsumed e) {
            return new Message("capacity.consumed", e.unitId(), e.resourceId(), new CapacityChange(e.resourceId(),
                    e.unitId(), e.projectId(), e.amount(), e.returned(), e.period(), e.remaining(), null, e.actor(),
                    e.claimId()));
        }
        if (payload instanceof CapacityRefused e) {
            return new Message("capacity.refused", e.unitId(), e.resourceId(), new CapacityRefusal(e.resourceId(),
                    e.unitId(), e.projectId(), e.claimId(), e.amount(), e.period(), e.remaining(), e.reason().code(),
                    e.detail(), e.actor()));
        }
        if (payload instanceof VolunteerRegistered e) {
            return new Message("volunteer.registered", e.unitId(), e.volunteerId(), new VolunteerData(e.volunteerId(),
                    e.unitId(), e.homeCommunity(), e.skills(), e.maskedName(), MembershipStatus.ACTIVE, e.actor()));
        }
        if (payload instanceof VolunteerAmended e) {
            return new Message("volunteer.amended", e.unitId(), e.volunteerId(), new VolunteerData(e.volunteerId(),
                    e.unitId(), e.homeCommunity(), e.skills(), null, e.status(), e.actor()));
        }
        if (payload instanceof VolunteerLeft e) {
            return new Message("volunteer.left", e.unitId(), e.volunteerId(),
                    new VolunteerChange(e.volunteerId(), e.unitId(), MembershipStatus.LEFT, e.actor()));
        }
        if (payload instanceof VolunteerDataErased e) {
            return new Message("volunteer.data-erased", e.unitId(), e.volunteerId(),
                    new VolunteerChange(e.volunteerId(), e.unitId(), null, e.actor()));
        }
        if (payload instanceof PartyGroupCreated e) {
            return new Message("party-group.created", e.groupId(), e.groupId(), new PartyGroupData(e.groupId(),
                    e.streetCode(), e.communityCode(), e.name(), e.compound(), e.buildings(), e.actor()));
        }
        if (payload instanceof PartyMemberAdded e) {
            return new Message("party-group.member-added", e.groupId(), e.groupId(), new PartyMemberData(e.groupId(),
                    e.communityCode(), e.memberId(), e.kind(), e.homeUnitId(), e.maskedName(), e.skills(), e.actor()));
        }
        if (payload instanceof PartyMemberRemoved e) {
            return new Message("party-group.member-removed", e.groupId(), e.groupId(),
                    new PartyMemberChange(e.groupId(), e.communityCode(), e.memberId(), e.actor()));
        }
        if (payload instanceof PartyGroupLeaderNamed e) {
            return new Message("party-group.leader-named", e.groupId(), e.groupId(),
                    new PartyMemberChange(e.groupId(), e.communityCode(), e.memberId(), e.actor()));
        }
        return null;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Unit(String unitId, String name, UnitKind kind, String partyOrganisation, String streetCode,
            List<String> communities, MembershipStatus status, String actor) {
        static Unit of(String unitId, String streetCode, UnitProfile profile, MembershipStatus status, String actor) {
            String party = profile.partyOrganisation() == null || profile.partyOrganisation().isBlank()
                    ? null : profile.partyOrganisation();
            return new Unit(unitId, profile.name(), profile.kind(), party, streetCode, profile.communities(), status, actor);
        }
    }

    /**
     * Why a unit left, a resource was withdrawn, a volunteer left or a member was removed is typed by a person and may
     * name one; it stays in resource-list (its API shows it to those entitled) and is not published (the topic carries
     * no personal data; no consumer reads it: README, "Published").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UnitChange(String unitId, MembershipStatus status, String actor) {
    }

    record CapacityData(BigDecimal amount, CapacityUnit unit, CapacityPeriod period) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Offer(String resourceId, String unitId, ResourceType type, String title, String description,
            List<Category> categories, List<String> skills, List<String> serviceArea, Availability availability,
            CapacityData capacity, LocalDate validFrom, LocalDate validUntil, ResourceStatus status, String actor) {
        static Offer of(String resourceId, String unitId, ResourceType type, ResourceDetails d, ResourceStatus status,
                String actor) {
            return new Offer(resourceId, unitId, type, d.title(), d.description() == null ? "" : d.description(),
                    d.categories(), d.skills(), d.serviceArea(), d.availability(),
                    new CapacityData(d.capacity().amount(), type.capacityUnit(), d.capacity().period()), d.validFrom(),
                    d.validUntil(), status, actor);
        }
    }

    record OfferWithdrawn(String resourceId, String unitId, ResourceStatus status, String actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CapacityChange(String resourceId, String unitId, String projectId, BigDecimal amount, BigDecimal returned,
            String period, BigDecimal remaining, String reason, String actor, String claimId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CapacityRefusal(String resourceId, String unitId, String projectId, String claimId, BigDecimal amount,
            String period, BigDecimal remaining, String reason, String detail, String actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VolunteerData(String volunteerId, String unitId, String homeCommunity, List<String> skills,
            String maskedName, MembershipStatus status, String actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VolunteerChange(String volunteerId, String unitId, MembershipStatus status, String actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartyGroupData(String groupId, String streetCode, String communityCode, String name, String compound,
            List<String> buildings, String actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartyMemberData(String groupId, String communityCode, String memberId, PartyMemberKind kind,
            String homeUnitId, String maskedName, List<String> skills, String actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartyMemberChange(String groupId, String communityCode, String memberId, String actor) {
    }
}
