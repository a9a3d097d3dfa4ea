package org.threelists.matchmaker.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.EscalationView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.gen.Gen;
import org.threelists.testing.gen.Properties;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.ProjectWorld.COMMUNITY_WORKER;
import static org.threelists.matchmaker.ProjectWorld.DESK;
import static org.threelists.matchmaker.ProjectWorld.assigned;
import static org.threelists.matchmaker.ProjectWorld.claimConfirmed;
import static org.threelists.matchmaker.ProjectWorld.claimRequested;
import static org.threelists.matchmaker.ProjectWorld.listedDemand;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.projectMessages;
import static org.threelists.matchmaker.ProjectWorld.refuse;
import static org.threelists.matchmaker.ProjectWorld.unit;

/**
 * What REST accepts, the topic accepts: random valid requests (the seeded generators in {@link ValidRequests}, checked
 * against the requests' constraints by {@link ValidRequestGeneratorsTest}) drive projects through every write operation
 * of the matchmaker — create, volunteer, approve, publish, claim, refuse, schedule, deliver, complete (by the community,
 * or by the desk on its behalf once the confirmation wait passed), rate, release, cancel — and every event they publish on project-list.events.v1 validates against its schema
 * ({@link ProjectWorld#projectMessages} checks each message). The requests of each project are drawn from one seeded
 * generator run ({@link Properties#check}), so a failure names the seed and the project's requests.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RandomRequestsPublishValidEventsTest {

    static final int PROJECTS = 4;
    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    /** The random parts of the requests that carry one pair of projects through their lives. */
    record Requests(String title, String note, Map<String, Object> delivery, int score, String comment,
            String volunteerNote, String approvalNote, String reason) {

        static Gen<Requests> random() {
            Gen<String> reasons = ValidRequests.text(2000);
            Gen<String> notes = ValidRequests.optionalText(2000);
            Gen<String> titles = ValidRequests.text(200);
            Gen<Map<String, Object>> deliveries = ValidRequests.delivery();
            Gen<Integer> scores = ValidRequests.score();
            return random -> new Requests(titles.next(random), notes.next(random), deliveries.next(random),
                    scores.next(random), notes.next(random), notes.next(random), notes.next(random),
                    reasons.next(random));
        }
    }

    @Test
    void every_event_of_random_valid_requests_validates_against_the_topic_schema() {
        List<String> projects = new ArrayList<>();
        Set<String> types = new TreeSet<>();

        Properties.check(PROJECTS, Requests.random(), requests -> {
            // The desk assigns, the unit delivers, the community completes and rates; every other pair of projects
            // waits past the confirmation wait (CRITICAL: 3 s in tests) and the desk confirms on the community's
            // behalf with the random reason instead.
            boolean deskConfirms = projects.size() / 2 % 2 == 1;
            Unit holder = unit("LEGAL_ADVICE", List.of(), 40);
            String demand = listedDemand("LEGAL_ADVICE", null, deskConfirms ? "CRITICAL" : "NORMAL", 2);
            Map<String, Object> create = new HashMap<>(Map.of("demandIds", List.of(demand), "unitId", holder.unitId(),
                    "resourceId", holder.resourceId(), "title", requests.title()));
            String note = requests.note();
            if (note != null) {
                create.put("note", note);
            }
            JsonPath created = as(DESK).body(create).post("/projects").then().statusCode(201).extract().jsonPath();
            String projectId = created.getString("projectId");
            projects.add(projectId);
            claimConfirmed(projectId, created.getString("claims[0].claimId"), 30);
            Map<String, Object> report = new HashMap<>(requests.delivery());
            as(holder.token()).body(Map.of("date", TODAY, "place", report.get("place"))).post("/projects/{id}/schedule",
                    projectId).then().statusCode(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> volunteer = new HashMap<>((Map<String, Object>) report.remove("volunteer"));
            volunteer.put("volunteerId", ProjectWorld.volunteer(holder));
            report.put("volunteers", List.of(volunteer));
            report.put("date", TODAY);
            as(holder.token()).body(report).post("/projects/{id}/delivery", projectId).then().statusCode(200);
            if (deskConfirms) {
                await(() -> QuarkusTransaction.requiringNew().call(() -> EscalationView.TABLE.count(
                        "project_id = ? AND deadline = 'CONFIRMATION'", projectId)), n -> n == 1);
                as(DESK).body(Map.of("reason", requests.reason())).post("/projects/{id}/completion-on-behalf",
                        projectId).then().statusCode(200);
            } else {
                as(COMMUNITY_WORKER).post("/projects/{id}/completion", projectId).then().statusCode(200);
            }
            Map<String, Object> rating = new HashMap<>(Map.of("demandId", demand, "score", requests.score()));
            String comment = requests.comment();
            if (comment != null) {
                rating.put("comment", comment);
            }
            as(COMMUNITY_WORKER).body(rating).post("/projects/{id}/ratings", projectId).then().statusCode(200);

            // A unit volunteers, the community approves, resource-list refuses; the desk publishes for pledges,
            // a unit pledges and gives its pledge back, and the desk cancels.
            Unit volunteering = unit("ELDER_CARE", List.of(), 40);
            String open = listedDemand("ELDER_CARE", null, "NORMAL", 3);
            Map<String, Object> offer = new HashMap<>(Map.of("resourceId", volunteering.resourceId()));
            String volunteerNote = requests.volunteerNote();
            if (volunteerNote != null) {
                offer.put("note", volunteerNote);
            }
            String other = as(volunteering.token()).body(offer).post("/demands/{id}/volunteer", open).then()
                    .statusCode(201).extract().path("projectId");
            projects.add(other);
            Map<String, Object> approval = new HashMap<>();
            String approvalNote = requests.approvalNote();
            if (approvalNote != null) {
                approval.put("note", approvalNote);
            }
            String claimId = as(COMMUNITY_WORKER).body(approval).post("/projects/{id}/approve", other).then()
                    .statusCode(202).extract().path("claimId");
            refuse(claimRequested(other, claimId), "capacity-exhausted", "只剩2小时");
            await(() -> ProjectView.<ProjectView>findById(other), p -> p.status.name().equals("PUBLISHED"));
            as(DESK).body(Map.of("reason", requests.reason())).post("/projects/{id}/cancel", other).then()
                    .statusCode(200);
            messages(other, "cancelled", 1);
        });

        boolean onBehalf = false;
        for (String projectId : projects) {
            for (JsonNode message : projectMessages(projectId)) {
                types.add(message.path("type").asText());
                onBehalf |= message.path("data").path("confirmedOnBehalf").asBoolean();
            }
        }
        assertThat(onBehalf).as("a completion confirmed by the desk on the community's behalf").isTrue();
        assertThat(types).contains("threelists.project.proposed.v1", "threelists.project.published.v1",
                "threelists.project.claim-requested.v1", "threelists.project.claimed.v1",
                "threelists.project.scheduled.v1", "threelists.project.delivered.v1",
                "threelists.project.completed.v1", "threelists.project.rated.v1",
                "threelists.project.claim-refused.v1", "threelists.project.cancelled.v1");
    }
}
