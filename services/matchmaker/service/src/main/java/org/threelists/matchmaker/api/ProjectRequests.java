package org.threelists.matchmaker.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.matchmaker.domain.ProjectValues.Mode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The request bodies of the project list's REST API. */
public final class ProjectRequests {

    static final String PERIOD = "^([0-9]{4}-(0[1-9]|1[0-2])|TOTAL)$";
    static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    static final String CAPACITY_UNIT = "^(VOLUNTEER_HOURS|VENUE_HOURS|YUAN|ITEMS|SERVICE_HOURS)$";

    private ProjectRequests() {
    }

    @Schema(name = "NeedRequest", description = "How much the project needs, in one capacity unit of resource-list")
    public record NeedRequest(
            @Schema(description = "At most two decimals, as resource-list books capacity")
            @NotNull @Positive @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = CAPACITY_UNIT, message = "must be one of VOLUNTEER_HOURS, VENUE_HOURS, YUAN, ITEMS, SERVICE_HOURS")
            String unit) {
    }

    @Schema(name = "CreateProjectRequest", description = "The desk creates a project for listed demands of one community "
            + "and category and assigns it to a unit's offer: the project is proposed, published (mode CLAIM) and "
            + "claimed for the unit in one step; the claim is confirmed once resource-list has reserved the capacity")
    public record Create(
            @NotEmpty @Size(max = 50) List<@NotBlank @Pattern(regexp = UUID, message = "must be a UUID") String> demandIds,
            @NotBlank @Size(max = 70) String unitId,
            @NotBlank @Pattern(regexp = UUID, message = "must be a UUID") String resourceId,
            @Size(min = 1, max = 200) String title,
            @Schema(description = "Defaults to the demands' estimated hours, in the offer's capacity unit") @Valid NeedRequest need,
            @Schema(description = "The capacity period: a month (\"2026-12\") for a monthly offer, TOTAL otherwise; "
                    + "defaults to this month or TOTAL") @Pattern(regexp = PERIOD, message = "must be YYYY-MM or TOTAL") String period,
            @Size(max = 2000) String note) {
    }

    @Schema(name = "PublishProjectRequest", description = "The joint meeting's decision to publish")
    public record Publish(@Schema(description = "CLAIM (default): one unit takes it whole; PLEDGE: several units pledge shares")
            Mode mode, @Size(max = 2000) String note) {
    }

    @Schema(name = "ReasonRequest")
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "ReleaseProjectRequest")
    public record Release(@Size(min = 1, max = 2000) String reason) {
    }

    @Schema(name = "ClaimRequest", description = "Claim the whole project with one of your offers")
    public record Claim(@NotBlank @Pattern(regexp = UUID, message = "must be a UUID") String resourceId,
            @Schema(description = "Defaults to this month for a monthly offer, TOTAL otherwise")
            @Pattern(regexp = PERIOD, message = "must be YYYY-MM or TOTAL") String period) {
    }

    @Schema(name = "PledgeRequest", description = "Pledge a share of the need with one of your offers")
    public record Pledge(@NotBlank @Pattern(regexp = UUID, message = "must be a UUID") String resourceId,
            @NotNull @Positive @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal amount,
            @Pattern(regexp = PERIOD, message = "must be YYYY-MM or TOTAL") String period) {
    }

    @Schema(name = "ScheduleRequest")
    public record Schedule(@NotNull LocalDate date, @NotBlank @Size(max = 200) String place) {
    }

    @Schema(name = "VolunteerHoursRequest", description = "One volunteer's service, by id and masked name only")
    public record VolunteerHours(@NotBlank @Pattern(regexp = UUID, message = "must be a UUID") String volunteerId,
            @Schema(description = "The unit the volunteer serves with (as registered with resource-list); defaults to it")
            @Size(max = 70) String unitId,
            @Schema(description = "Not recorded: the delivery carries the masked name resource-list published for the "
                    + "volunteer (none once their data was erased), whatever is sent here")
            @Size(max = 40) String maskedName,
            @NotNull @Positive @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours) {
    }

    @Schema(name = "DeliveryRequest", description = "The delivery report (三联单 service slip); no personal data of residents")
    public record Delivery(@NotNull LocalDate date, @NotBlank @Size(max = 200) String place,
            @NotNull @Size(max = 500) List<@Valid @NotNull VolunteerHours> volunteers,
            @NotNull @PositiveOrZero @Max(100000) Integer residentsServed,
            @Size(max = 2000) String notes,
            @Schema(description = "What each claim used of its reservation, by claim id; a claim not listed used all it reserved")
            Map<String, @NotNull @PositiveOrZero @Digits(integer = 8, fraction = 2) BigDecimal> usedByClaim) {
    }

    @Schema(name = "RatingRequest", description = "A resident's rating of the service for one demand, 1 to 5 stars")
    public record Rating(@NotBlank @Pattern(regexp = UUID, message = "must be a UUID") String demandId,
            @NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {
    }

    @Schema(name = "ApproveVolunteeringRequest", description = "The approval of a unit that volunteered (揭榜)")
    public record Approval(@Size(max = 2000) String note) {
    }

    @Schema(name = "VolunteerForDemandRequest", description = "揭榜: your unit takes a listed demand with one of its offers")
    public record Volunteer(@NotBlank @Pattern(regexp = UUID, message = "must be a UUID") String resourceId,
            @Pattern(regexp = PERIOD, message = "must be YYYY-MM or TOTAL") String period,
            @Size(max = 2000) String note) {
    }
}
