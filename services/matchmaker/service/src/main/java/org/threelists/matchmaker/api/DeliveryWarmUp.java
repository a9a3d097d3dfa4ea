package org.threelists.matchmaker.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectCommands.PublishProject;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.matchmaker.projection.RosterVolunteerView;
import org.threelists.matchmaker.service.CapacitySaga;
import org.threelists.matchmaker.service.ProjectLifecycle;
import org.threelists.platform.warmup.WarmUps;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the delivery's request path once at start, for a project nobody proposed, in a transaction that is rolled back:
 * the first real {@code POST /projects/{id}/delivery} after a start then finds its code loaded (the body's reading
 * and constraints, the roster read, the {@code ReportDelivery} handler, the {@code ProjectDelivered} event written and
 * projected, the answer rendered and written as JSON) instead of paying for it inside the delivery's time
 * (bench/README.md, "Delivery: the matchmaker's side"). The project is proposed, published, claimed and confirmed as
 * the capacity saga does it, then delivered through {@link ProjectLifecycle#deliver}, the use case the REST method
 * calls. Its street, community, unit, offer and volunteer are its own, so it takes no row lock a real request needs;
 * the rollback leaves nothing behind ({@code DeliveryWarmUpTest}): no event, project, claim, deadline or roster row,
 * and nothing on Kafka, whose relay publishes only committed events. It runs once the HTTP server has started, off the
 * event loop and the start's path: a delivery that comes meanwhile is served as without it. The ledger's {@code RecordingWarmUp} is the model.
 */
@ApplicationScoped
public class DeliveryWarmUp {

    private static final Logger LOG = Logger.getLogger(DeliveryWarmUp.class);

    /** The warm-up's own street and community: no street or community has this code. */
    static final String PLACE = "matchmaker-warm-up";
    /** The warm-up's own unit: no unit has this id. */
    static final String UNIT = "unit-matchmaker-warm-up";
    static final String ACTOR = "matchmaker-warm-up";

    /** What the warm-up saw inside its transaction, before the rollback. */
    public record Outcome(String projectId, String claimId, String volunteerId, String status, int answerBytes,
            String lastEventReadBack) {
    }

    private final CommandGateway commands;
    private final EventStore events;
    private final CapacitySaga saga;
    private final ProjectLifecycle lifecycle;
    private final ProjectQueries queries;
    private final RequestValidation validation;
    private final DeadlinePolicy policy;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final boolean enabled;

    DeliveryWarmUp(CommandGateway commands, EventStore events, CapacitySaga saga, ProjectLifecycle lifecycle, ProjectQueries queries,
            RequestValidation validation, DeadlinePolicy policy, ObjectMapper json,
            @ConfigProperty(name = "threelists.matchmaker.time-zone") ZoneId zone,
            @ConfigProperty(name = "threelists.matchmaker.delivery-warm-up", defaultValue = "true") boolean enabled) {
        this.commands = commands;
        this.events = events;
        this.saga = saga;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.validation = validation;
        this.policy = policy;
        this.json = json;
        this.zone = zone;
        this.enabled = enabled;
    }

    /** Once the service can answer, off the event loop and off the start's path ({@link WarmUps}). */
    void onServerStart(@ObservesAsync HttpServerStart started) {
        if (enabled) {
            WarmUps.timed(LOG, "Delivery path", () -> "a project " + warm().status() + ", rolled back");
        }
    }

    /** One made-up project carried to its delivery, answered as the REST method answers, and rolled back. */
    public Outcome warm() {
        String projectId = UUID.randomUUID().toString();
        String claimId = UUID.randomUUID().toString();
        String volunteerId = UUID.randomUUID().toString();
        return WarmUps.rolledBack(() -> {
            claimed(projectId, claimId, volunteerId);
            ProjectRequests.Delivery request = validation.check(read(delivery(volunteerId)));
            List<VolunteerHours> reported = request.volunteers().stream()
                    .map(v -> new VolunteerHours(v.volunteerId(), v.unitId(), v.maskedName(), v.hours())).toList();
            lifecycle.deliver(projectId, UNIT, request.date(), request.place(), reported,
                    request.residentsServed(), request.notes(), request.usedByClaim(), ACTOR);
            ProjectView project = queries.find(projectId).orElseThrow();
            byte[] answer = write(ProjectResponses.Project.of(project, queries.claims(projectId), true, UNIT));
            return new Outcome(projectId, claimId, volunteerId, project.status.name(), answer.length,
                    readBack(projectId));
        });
    }

    /**
     * The project's events read back from the store, inside the transaction that wrote them, their payloads
     * deserialized by the store's serializer: the relay does the same with every delivery, and the first one after a
     * start built Jackson's readers for {@code ProjectDelivered} and its parts on the relay's thread, about half of that
     * delivery's relay hop (bench/README.md, "Delivery: the first delivery's relay"). Only the serializer is warmed: the
     * relay's mapper would keep the made-up project in its context cache. Returns the last payload's type.
     */
    private String readBack(String projectId) {
        return events.readEvents(projectId).asStream().map(EventMessage::getPayload)
                .reduce((first, second) -> second).map(payload -> payload.getClass().getSimpleName()).orElse(null);
    }

    /** The project as the bench and the units bring it to a delivery: proposed, published, claimed, confirmed. */
    private void claimed(String projectId, String claimId, String volunteerId) {
        RosterVolunteerView volunteer = new RosterVolunteerView();
        volunteer.volunteerId = volunteerId;
        volunteer.unitId = UNIT;
        volunteer.homeCommunity = PLACE;
        volunteer.maskedName = "预*";
        volunteer.status = RosterVolunteerView.ACTIVE;
        volunteer.touch(ACTOR, Instant.now(), 1);
        volunteer.save();
        String resourceId = UUID.randomUUID().toString();
        Need need = new Need(BigDecimal.ONE, "VOLUNTEER_HOURS");
        Instant now = Instant.now();
        commands.sendAndWait(new ProposeProject(projectId, Origin.DESK, PLACE, PLACE, Category.OTHER, Urgency.NORMAL,
                PLACE, List.of(UUID.randomUUID().toString()), need, UNIT, resourceId, null, null, List.of(), ACTOR));
        commands.sendAndWait(new PublishProject(projectId, Mode.CLAIM, null, now,
                policy.claimDeadline(Urgency.NORMAL, now), ACTOR));
        commands.sendAndWait(new ClaimProject(projectId, claimId, UNIT, resourceId, "TOTAL", ACTOR));
        saga.reserved(projectId, claimId, UNIT, resourceId, now);
    }

    /** A delivery report as a unit sends it: one volunteer's hours, residents served, a note. */
    private byte[] delivery(String volunteerId) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", LocalDate.now(zone).toString());
        report.put("place", PLACE);
        report.put("volunteers", List.of(Map.of("volunteerId", volunteerId, "hours", 1.5)));
        report.put("residentsServed", 1);
        report.put("notes", PLACE);
        return write(report);
    }

    private ProjectRequests.Delivery read(byte[] body) {
        try {
            return json.readValue(body, ProjectRequests.Delivery.class);
        } catch (IOException e) {
            throw new IllegalStateException("The warm-up's report does not read as a delivery", e);
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
