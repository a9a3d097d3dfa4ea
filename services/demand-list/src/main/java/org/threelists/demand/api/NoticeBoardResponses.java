package org.threelists.demand.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.demand.projection.NoticeBoardSlips.ClosedSlip;
import org.threelists.demand.projection.NoticeBoardSlips.Counts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the public notice board (公示) shows of the second lane: the slips (三联单) the building Party groups closed,
 * by category, community and group, with their hours and the residents' satisfaction. Public by construction: codes,
 * names of communities and of Party groups, dates and figures. Never the slip's problem or the member's report (free
 * text that may name, call or locate the resident), the demand's description, the member or the leader
 * (services/demand-list/README.md, "Notice board").
 */
public final class NoticeBoardResponses {

    private NoticeBoardResponses() {
    }

    @Schema(name = "NoticeBoardPlace", description = "A street office or a community: its code and name")
    public record Place(String code, String name) {
    }

    @Schema(description = "A slip the building Party group closed, as the public sees it")
    public record PublicSlip(String slipId, String category, String categoryName, Place community,
            @Schema(description = "The building Party group (楼栋党小组) that dispatched it") String groupName,
            @Schema(description = "The day of the service (Beijing time)") LocalDate serviceDate,
            @Schema(description = "The day the slip was closed (Beijing time)") LocalDate closedOn,
            @Schema(description = "The hours the member reported") BigDecimal hours,
            @Schema(description = "ONLINE (线上) or ON_SITE (上门)") String mode, String modeName,
            @Schema(description = "The resident's satisfaction, 3–5 (a lower one reopens the slip)") Integer satisfaction) {
    }

    public record PublicSlipPage(List<PublicSlip> items, int page, int size, long total) {
    }

    @Schema(description = "The period's slips: dispatched, closed, and the closed ones' average satisfaction")
    public record SlipCounts(long dispatched, long closed,
            @Schema(description = "One decimal; absent when no slip was closed") BigDecimal averageSatisfaction) {
    }

    /**
     * The board's envelope, the same in every service's part of it: where and when, then one section per kind of
     * record ({@code slips} here, with its {@code slipCounts}). A reader takes the sections it knows and ignores the rest.
     */
    @Schema(description = "The notice board's Party-group services (党小组服务) of a street (and community) for a year")
    public record SlipsBoard(Place street, Place community, int year, SlipCounts slipCounts, PublicSlipPage slips) {
    }

    static SlipCounts of(Counts counts) {
        return new SlipCounts(counts.dispatched(), counts.closed(), counts.averageSatisfaction());
    }

    static PublicSlip of(ClosedSlip slip, ZoneId zone) {
        String communityName = CommunityDirectory.standard().find(slip.communityCode())
                .map(CommunityDirectory.Community::name).orElse(slip.communityCode());
        return new PublicSlip(slip.slipId(), slip.category().name(), slip.category().zh(),
                new Place(slip.communityCode(), communityName), slip.groupName(), slip.serviceDate(),
                slip.closedAt().atZone(zone).toLocalDate(), plain(slip.hours()),
                slip.mode() == null ? null : slip.mode().name(), slip.mode() == null ? null : slip.mode().zh(),
                slip.satisfaction());
    }

    /** 10, not 1E+1 nor 10.00: readers of other sites parse a plain number. */
    private static BigDecimal plain(BigDecimal hours) {
        if (hours == null) {
            return null;
        }
        BigDecimal stripped = hours.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
