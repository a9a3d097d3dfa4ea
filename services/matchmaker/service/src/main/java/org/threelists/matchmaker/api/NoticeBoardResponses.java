package org.threelists.matchmaker.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.ReconciledHours;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.matchmaker.projection.ProjectProjection;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.json.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the public notice board (公示) shows of the project list. Everything here is public by construction: codes,
 * names of communities and of alliance member units, dates, counts and figures. Never the stored title (the desk may
 * type it freely, and a resident's name in it would be published), the demands' texts, the place, the delivery
 * report's notes or volunteers, the residents' comments or the reasons given (services/matchmaker/service/README.md,
 * "Notice board").
 */
public final class NoticeBoardResponses {

    /** A cancelled project stays in the year's record under this label (撤销: withdrawn from the board's open list). */
    static final String CANCELLED_LABEL = "已撤销";

    private NoticeBoardResponses() {
    }

    @Schema(name = "NoticeBoardPlace", description = "A street office or a community: its code and name")
    public record Place(String code, String name) {
    }

    @Schema(name = "NoticeBoardUnit", description = "An alliance member unit: its id and public name")
    public record Unit(String unitId, String name) {
    }

    @Schema(description = "The residents' satisfaction (满意度): the average of their ratings (1–5) and how many rated")
    public record Satisfaction(BigDecimal average, int ratings) {
    }

    @Schema(description = "A published project as the public sees it")
    public record PublicProject(
            String projectId,
            @Schema(description = "Made of the community and the category, e.g. 嘉福社区 · 法律咨询（2项需求）")
            String title, String category, String categoryName, Place community, ProjectStatus status,
            @Schema(description = "The status in Chinese; a cancelled project is 已撤销") String statusName,
            @Schema(description = "CLAIM (认领) or PLEDGE (认捐)") String mode,
            @Schema(description = "The units holding it (认领单位)") List<Unit> claimedBy,
            LocalDate publishedOn, LocalDate claimedOn, LocalDate deliveredOn, LocalDate cancelledOn,
            @Schema(description = "Volunteer hours of the delivery the community confirmed, as credited: checked where the "
                    + "volunteers checked in and out, the report's elsewhere; only once completed")
            BigDecimal hours,
            @Schema(description = "Only once completed and rated") Satisfaction satisfaction) {
    }

    public record PublicProjectPage(List<PublicProject> items, int page, int size, long total) {
    }

    /**
     * The board's envelope, the same in every service's part of it: where and when, then one section per kind of
     * record ({@code projects} here). A reader takes the sections it knows and ignores the rest, so that sections (the
     * second lane's {@code slips}) can be added without breaking it.
     */
    @Schema(description = "The notice board's projects of a street (and community) for a year")
    public record ProjectsBoard(Place street, Place community, int year,
            @Schema(description = "OPEN, COMPLETED or YEAR (everything published in the year, cancelled included)")
            String list, PublicProjectPage projects) {
    }

    static PublicProject of(ProjectView view, Map<String, String> unitNames, Instant claimedAt, ZoneId zone) {
        boolean completed = view.status == ProjectStatus.COMPLETED || view.status == ProjectStatus.RATED;
        boolean cancelled = view.status == ProjectStatus.CANCELLED;
        String communityName = CommunityDirectory.standard().find(view.communityCode)
                .map(CommunityDirectory.Community::name).orElse(view.communityCode);
        DeliveryReport report = report(view.report);
        return new PublicProject(view.projectId, title(communityName, view),
                view.category.name(), view.category.zh(), new Place(view.communityCode, communityName), view.status,
                cancelled ? CANCELLED_LABEL : view.status.zh(), view.mode,
                Arrays.stream(view.holderUnitIds).map(id -> new Unit(id, unitNames.getOrDefault(id, id))).toList(),
                day(view.decidedAt, zone), day(claimedAt, zone), report == null ? null : report.date(),
                cancelled ? day(view.updatedAt, zone) : null,
                completed && report != null ? hours(report, view.reconciliation) : null,
                completed ? satisfaction(view.ratings) : null);
    }

    /** The public title: the community and the category, as the engine names its proposals. */
    private static String title(String communityName, ProjectView view) {
        int demands = view.demandIds == null ? 0 : view.demandIds.length;
        return communityName + " · " + view.category.zh() + (demands > 1 ? "（" + demands + "项需求）" : "");
    }

    /**
     * The hours credited for the delivery, as the ledger records them: the checked hours where volunteers checked in
     * and out, the report's elsewhere (README "Check-in and reconciliation"); the report's alone for a delivery
     * recorded before check-ins.
     */
    private static BigDecimal hours(DeliveryReport report, String reconciliationJson) {
        BigDecimal sum = (reconciliationJson == null
                ? report.volunteers().stream().map(VolunteerHours::hours)
                : Arrays.stream(read(reconciliationJson, ReconciledHours[].class)).map(ReconciledHours::creditedHours)
                        .filter(java.util.Objects::nonNull))
                .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
        // 10, not 1E+1: readers of other sites parse a plain number
        return sum.scale() < 0 ? sum.setScale(0) : sum;
    }

    private static Satisfaction satisfaction(String ratingsJson) {
        List<ProjectProjection.Rating> ratings = ProjectProjection.ratings(ratingsJson);
        if (ratings.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.valueOf(ratings.stream().mapToInt(ProjectProjection.Rating::score).sum());
        return new Satisfaction(sum.divide(BigDecimal.valueOf(ratings.size()), 1, RoundingMode.HALF_UP), ratings.size());
    }

    private static DeliveryReport report(String json) {
        return json == null ? null : read(json, DeliveryReport.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toLocalDate();
    }
}
