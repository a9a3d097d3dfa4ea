package org.threelists.matchmaker.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.threelists.contracts.Category;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimExpired;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRefused;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimReleased;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRequested;
import org.threelists.matchmaker.domain.ProjectEvents.DeadlineEscalated;
import org.threelists.matchmaker.domain.ProjectEvents.PledgeConfirmed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCancelled;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectClaimed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCompleted;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectDelivered;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectProposed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectPublished;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectRated;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectScheduled;
import org.threelists.matchmaker.domain.ProjectEvents.ReservationReturned;
import org.threelists.matchmaker.domain.ProjectValues.Alternative;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Consumption;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.HoursBasis;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.ReconciledHours;
import org.threelists.matchmaker.domain.ProjectValues.Release;
import org.threelists.matchmaker.domain.ProjectValues.Score;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.platform.axon.AxonRuntime;
import org.threelists.platform.relay.CloudEvent;
import org.threelists.platform.relay.IntegrationEvent;
import org.threelists.platform.relay.IntegrationEventMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Translates the Project aggregate's domain events into project-list.events.v1
 * (contracts/schemas/project-list.events.v1.schema.json), keyed by the project id so that one project's events stay
 * in order.
 *
 * <p>The integration events repeat context the domain events do not carry (street, community, category, demands,
 * need). That context is fixed when the project is proposed and no later event changes it, so it is read from the
 * project's own first event in the event store — not from a read model: the relay replays the store, and what it
 * publishes must depend on the store alone, whatever state the projections are in. The context is cached, which is
 * safe because it never changes.
 */
@ApplicationScoped
public class ProjectEventPublisher implements IntegrationEventMapper {

    static final String SOURCE = "/threelists/matchmaker";
    private static final int CACHE_LIMIT = 10_000;

    private final AxonRuntime axon;
    private final Map<String, Context> contexts = new ConcurrentHashMap<>();

    ProjectEventPublisher(AxonRuntime axon) {
        this.axon = axon;
    }

    /** What every integration event of a project may repeat, from its proposal. */
    record Context(String streetCode, String communityCode, Category category, List<String> demandIds, Need need) {
        static Context of(ProjectProposed e) {
            return new Context(e.streetCode(), e.communityCode(), e.category(), List.copyOf(e.demandIds()), e.need());
        }
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROJECT_EVENTS);
    }

    @Override
    public List<IntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        String type = typeOf(payload);
        if (type == null) {
            return List.of();
        }
        String projectId = projectIdOf(payload);
        Object data = data(payload, payload instanceof ProjectProposed p ? Context.of(p) : context(projectId));
        return List.of(new IntegrationEvent(Topics.PROJECT_EVENTS, projectId, CloudEvent.of(event.getIdentifier(),
                SOURCE, "threelists.project." + type + ".v1", projectId, event.getTimestamp(), data)));
    }

    private Context context(String projectId) {
        Context known = contexts.get(projectId);
        if (known != null) {
            return known;
        }
        DomainEventStream stream = axon.configuration().eventStore().readEvents(projectId, 0);
        if (!stream.hasNext()) {
            throw new IllegalStateException("Project " + projectId + " has no events");
        }
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof ProjectProposed proposed)) {
            throw new IllegalStateException("Project " + projectId + " starts with " + first.getPayloadType());
        }
        if (contexts.size() >= CACHE_LIMIT) {
            contexts.clear();
        }
        Context context = Context.of(proposed);
        contexts.put(projectId, context);
        return context;
    }

    private static String typeOf(Object payload) {
        if (payload instanceof ProjectProposed) {
            return "proposed";
        }
        if (payload instanceof ProjectPublished) {
            return "published";
        }
        if (payload instanceof ClaimRequested) {
            return "claim-requested";
        }
        if (payload instanceof ClaimRefused) {
            return "claim-refused";
        }
        if (payload instanceof PledgeConfirmed) {
            return "pledged";
        }
        if (payload instanceof ProjectClaimed) {
            return "claimed";
        }
        if (payload instanceof ClaimReleased) {
            return "claim-released";
        }
        if (payload instanceof ClaimExpired) {
            return "claim-expired";
        }
        if (payload instanceof ProjectScheduled) {
            return "scheduled";
        }
        if (payload instanceof ProjectDelivered) {
            return "delivered";
        }
        if (payload instanceof ProjectCompleted) {
            return "completed";
        }
        if (payload instanceof ProjectRated) {
            return "rated";
        }
        if (payload instanceof ProjectCancelled) {
            return "cancelled";
        }
        if (payload instanceof DeadlineEscalated) {
            return "escalated";
        }
        if (payload instanceof ReservationReturned) {
            return "reservation-returned";
        }
        return null;
    }

    private static String projectIdOf(Object payload) {
        if (payload instanceof ProjectProposed e) {
            return e.projectId();
        }
        if (payload instanceof ProjectPublished e) {
            return e.projectId();
        }
        if (payload instanceof ClaimRequested e) {
            return e.projectId();
        }
        if (payload instanceof ClaimRefused e) {
            return e.projectId();
        }
        if (payload instanceof PledgeConfirmed e) {
            return e.projectId();
        }
        if (payload instanceof ProjectClaimed e) {
            return e.projectId();
        }
        if (payload instanceof ClaimReleased e) {
            return e.projectId();
        }
        if (payload instanceof ClaimExpired e) {
            return e.projectId();
        }
        if (payload instanceof ProjectScheduled e) {
            return e.projectId();
        }
        if (payload instanceof ProjectDelivered e) {
            return e.projectId();
        }
        if (payload instanceof ProjectCompleted e) {
            return e.projectId();
        }
        if (payload instanceof ProjectRated e) {
            return e.projectId();
        }
        if (payload instanceof ProjectCancelled e) {
            return e.projectId();
        }
        if (payload instanceof ReservationReturned e) {
            return e.projectId();
        }
        return ((DeadlineEscalated) payload).projectId();
    }

    private static Object data(Object payload, Context c) {
        if (payload instanceof ProjectProposed e) {
            return new Proposed(e.projectId(), e.streetCode(), e.communityCode(), e.category(), e.title(), e.origin(),
                    e.demandIds(), e.need(), e.proposedUnitId(), e.proposedResourceId(), ScoreData.of(e.score()),
                    blankToNull(e.explanation()), e.alternatives() == null || e.alternatives().isEmpty() ? null
                    : e.alternatives().stream().map(AlternativeData::of).toList(), e.actor());
        }
        if (payload instanceof ProjectPublished e) {
            return new Published(e.projectId(), c.streetCode(), c.communityCode(), c.category(), c.demandIds(), c.need(),
                    e.mode(), e.actor(), e.decidedAt(), blankToNull(e.decisionNote()), e.claimDeadline(), e.actor());
        }
        if (payload instanceof ClaimRequested e) {
            Claim k = e.claim();
            return new Requested(e.projectId(), k.claimId(), k.kind(), k.unitId(), k.resourceId(), k.amount(),
                    k.period(), e.actor());
        }
        if (payload instanceof ClaimRefused e) {
            Claim k = e.claim();
            return new Refused(e.projectId(), k.claimId(), k.kind(), k.unitId(), k.resourceId(), e.reason(), e.actor());
        }
        if (payload instanceof PledgeConfirmed e) {
            Claim k = e.pledge();
            return new Pledged(e.projectId(), k.claimId(), k.unitId(), k.resourceId(), k.amount(), e.covered(), c.need(),
                    e.actor());
        }
        if (payload instanceof ProjectClaimed e) {
            return new Claimed(e.projectId(), c.streetCode(), c.communityCode(), c.category(), c.demandIds(), e.mode(),
                    e.holders().stream().map(h -> new Holder(h.claimId(), h.unitId(), h.resourceId(), h.amount()))
                            .toList(), e.completionDeadline(), e.actor());
        }
        if (payload instanceof ClaimReleased e) {
            return new Released(e.projectId(), c.demandIds(), e.releases(), e.reason(), e.claimDeadline(), e.actor());
        }
        if (payload instanceof ClaimExpired e) {
            return new Expired(e.projectId(), c.demandIds(), e.releases(), e.claimDeadline(), e.actor());
        }
        if (payload instanceof ProjectScheduled e) {
            return new Scheduled(e.projectId(), c.demandIds(), e.date(), e.place(), e.actor());
        }
        if (payload instanceof ProjectDelivered e) {
            return new Delivered(e.projectId(), c.streetCode(), c.communityCode(), c.category(), c.demandIds(),
                    ReportData.of(e.report(), e.reconciliation()), e.consumptions(), e.actor());
        }
        if (payload instanceof ProjectCompleted e) {
            // Only the desk's confirmation carries the new field, so a community's confirmation reads as it always did
            // to a reader of the former schema; the desk's reason stays here (README "Confirmation wait").
            return new Completed(e.projectId(), c.demandIds(), e.actor(), e.onBehalf() == null ? null : Boolean.TRUE,
                    e.actor());
        }
        if (payload instanceof ProjectRated e) {
            return new Rated(e.projectId(), e.demandId(), e.score(), blankToNull(e.comment()), e.allRated(), e.actor());
        }
        if (payload instanceof ProjectCancelled e) {
            return new Cancelled(e.projectId(), c.demandIds(), e.releases(), e.reason(), e.actor());
        }
        if (payload instanceof ReservationReturned e) {
            return new Returned(e.projectId(), c.demandIds(), List.of(e.release()), e.reason(), e.actor());
        }
        DeadlineEscalated e = (DeadlineEscalated) payload;
        return new Escalated(e.projectId(), c.streetCode(), c.communityCode(), e.deadline(), e.dueAt(),
                e.unitIds() == null || e.unitIds().isEmpty() ? null : e.unitIds(), e.actor());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    // --- the data of each type, field for field as the schema names them ---------------------------------------

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Proposed(String projectId, String streetCode, String communityCode, Category category, String title,
            Origin origin, List<String> demandIds, Need need, String proposedUnitId, String proposedResourceId,
            ScoreData score, String explanation, List<AlternativeData> alternatives, String actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScoreData(double total, Map<String, Double> terms) {
        static ScoreData of(Score s) {
            return s == null ? null : new ScoreData(s.total(), s.terms() == null || s.terms().isEmpty() ? null : s.terms());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AlternativeData(String unitId, String resourceId, Double score, String reason) {
        static AlternativeData of(Alternative a) {
            return new AlternativeData(a.unitId(), a.resourceId(), a.score(), a.reason());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Published(String projectId, String streetCode, String communityCode, Category category,
            List<String> demandIds, Need need, Mode mode, String decidedBy, Instant decidedAt, String decisionNote,
            Instant claimDeadline, String actor) {
    }

    record Requested(String projectId, String claimId, Mode kind, String unitId, String resourceId, BigDecimal amount,
            String period, String actor) {
    }

    record Refused(String projectId, String claimId, Mode kind, String unitId, String resourceId, String reason,
            String actor) {
    }

    record Pledged(String projectId, String claimId, String unitId, String resourceId, BigDecimal amount,
            BigDecimal covered, Need need, String actor) {
    }

    record Holder(String claimId, String unitId, String resourceId, BigDecimal amount) {
    }

    record Claimed(String projectId, String streetCode, String communityCode, Category category, List<String> demandIds,
            Mode mode, List<Holder> holders, Instant completionDeadline, String actor) {
    }

    record Released(String projectId, List<String> demandIds, List<Release> releases, String reason,
            Instant claimDeadline, String actor) {
    }

    record Expired(String projectId, List<String> demandIds, List<Release> releases, Instant claimDeadline,
            String actor) {
    }

    record Returned(String projectId, List<String> demandIds, List<Release> releases, String reason, String actor) {
    }

    record Scheduled(String projectId, List<String> demandIds, LocalDate date, String place, String actor) {
    }

    /**
     * {@code hours}: what is credited — the checked hours, or the report's as confirmed by the unit ({@code hoursBasis});
     * a delivery recorded before check-ins has no reconciliation and publishes the report's hours alone, as it did.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VolunteerData(String volunteerId, String unitId, String maskedName, BigDecimal hours,
            BigDecimal reportedHours, BigDecimal checkedHours, HoursBasis hoursBasis) {
        static VolunteerData of(VolunteerHours v, Map<String, ReconciledHours> reconciled) {
            ReconciledHours line = reconciled.get(v.volunteerId());
            if (line == null) {
                return new VolunteerData(v.volunteerId(), v.unitId(), blankToNull(v.maskedName()), v.hours(), null,
                        null, null);
            }
            return new VolunteerData(v.volunteerId(), v.unitId(), blankToNull(v.maskedName()), line.creditedHours(),
                    v.hours(), line.checkedHours(), line.basis());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReportData(LocalDate date, String place, List<VolunteerData> volunteers, int residentsServed, String notes) {
        static ReportData of(DeliveryReport r, List<ReconciledHours> reconciliation) {
            Map<String, ReconciledHours> reconciled = reconciliation == null ? Map.of() : reconciliation.stream()
                    .filter(line -> line.basis() != null)
                    .collect(Collectors.toMap(ReconciledHours::volunteerId, line -> line));
            return new ReportData(r.date(), r.place(), r.volunteers() == null ? List.of()
                    : r.volunteers().stream().map(v -> VolunteerData.of(v, reconciled)).toList(), r.residentsServed(),
                    blankToNull(r.notes()));
        }
    }

    record Delivered(String projectId, String streetCode, String communityCode, Category category,
            List<String> demandIds, ReportData report, List<Consumption> consumptions, String actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Completed(String projectId, List<String> demandIds, String confirmedBy, Boolean confirmedOnBehalf,
            String actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rated(String projectId, String demandId, int score, String comment, boolean allRated, String actor) {
    }

    record Cancelled(String projectId, List<String> demandIds, List<Release> releases, String reason, String actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Escalated(String projectId, String streetCode, String communityCode, DeadlineKind deadline, Instant dueAt,
            List<String> unitIds, String actor) {
    }
}
