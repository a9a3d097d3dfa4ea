package org.threelists.ledger.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.ledger.domain.LedgerCorrection;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.HourStatement;
import org.threelists.ledger.projection.Figures;
import org.threelists.ledger.projection.entries.StoredEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of the ledger's API. */
public final class LedgerDtos {

    private LedgerDtos() {
    }

    public record CorrectionResponse(long seq, String correctionId, String entryId, BigDecimal hours, BigDecimal delta,
            String reason, String correctedBy, Instant correctedAt, String prevHash, String hash) {
        static CorrectionResponse of(LedgerCorrection c) {
            return new CorrectionResponse(c.seq(), c.correctionId(), c.entryId(), Figures.plain(c.hours()),
                    Figures.plain(c.delta()), c.reason(), c.correctedBy(), c.correctedAt(), c.prevHash(), c.hash());
        }
    }

    /** An entry as stored, with its corrections and the hours in force after them. */
    public record EntryResponse(String entryId,
            @Schema(description = "The chain: a partition of project-list.events.v1, or 1000 + a partition of demand-list.events.v1 for slip entries")
            int partition, long seq, LedgerEntry.Kind kind,
            @Schema(description = "PROJECT: from a project's delivery report; SLIP: from a slip (三联单) the community closed")
            LedgerEntry.Origin origin, String eventId,
            @Schema(description = "The project delivered; null for a slip entry")
            String projectId,
            @Schema(description = "The slip closed; slip entries only")
            String slipId,
            @Schema(description = "The building Party group that held the slip's demand; slip entries only")
            String groupId,
            @Schema(description = "How the member served the slip, ONLINE or ON_SITE; slip entries only")
            String mode, String streetCode, String communityCode, String category, LocalDate date, String place,
            @Schema(description = "The unit the hours are served for; for a slip, the member's home unit (双报到), null for a resident member")
            String unitId,
            @Schema(description = "The volunteer; for a slip, the member (the volunteer id of a 双报到 volunteer)")
            String volunteerId, BigDecimal hours, BigDecimal hoursInForce, Integer residentsServed,
            String resourceId, String claimId, BigDecimal amount, List<String> demandIds, String notes, String recordedBy,
            Instant recordedAt, String prevHash, String hash, List<CorrectionResponse> corrections,
            @Schema(description = "Who confirmed the project's completion, by which its hours count; null for a slip "
                    + "entry and while the project awaits the community's confirmation (its hours are pending)")
            ConfirmationResponse confirmation) {
        static EntryResponse of(StoredEntry stored) {
            LedgerEntry e = stored.entry();
            boolean slip = e.origin() == LedgerEntry.Origin.SLIP;
            return new EntryResponse(e.entryId(), e.partition(), e.seq(), e.kind(), e.origin(), e.eventId(),
                    slip ? null : e.projectId(), slip ? e.projectId() : null, e.groupId(), e.mode(),
                    e.streetCode(), e.communityCode(), e.category(), e.date(), e.place(), e.unitId(), e.volunteerId(),
                    Figures.plain(e.hours()), Figures.plain(stored.hoursInForce()), e.residentsServed(), e.resourceId(),
                    e.claimId(), Figures.plain(e.amount()), List.of(e.demandIds().split(",")), e.notes(), e.recordedBy(),
                    e.recordedAt(), e.prevHash(), e.hash(), stored.corrections().stream().map(CorrectionResponse::of).toList(),
                    stored.confirmed() == null ? null : new ConfirmationResponse(stored.confirmed().at(),
                            stored.confirmed().by(), stored.confirmed().onBehalf()));
        }
    }

    /** A project's completion as confirmed (services/ledger/README.md, "Confirmed on the community's behalf"). */
    public record ConfirmationResponse(Instant confirmedAt,
            @Schema(description = "The community worker who confirmed; the desk's account when onBehalf")
            String confirmedBy,
            @Schema(description = "true: the street's coordination desk confirmed on the community's behalf (代为确认), "
                    + "once the confirmation wait passed unconfirmed; false: the community confirmed. The hours count "
                    + "either way")
            boolean onBehalf) {
    }

    public record EntryPage(List<EntryResponse> items, int page, int size, long total) {
    }

    public record StatementPage(List<StatementResponse> items, int page, int size, long total) {
    }

    /** A correction of a volunteer's hours: the hours that should have been recorded, and why. */
    public record Correct(@NotNull @DecimalMin("0") @DecimalMax("24") BigDecimal hours,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record IssueStatement(@NotBlank @Pattern(regexp = "^[0-9a-fA-F-]{36}$", message = "must be a volunteer id (UUID)")
            String volunteerId, @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    public record Revoke(@NotBlank @Size(max = 2000) String reason) {
    }

    public record StatementResponse(String number, String volunteerId, String maskedName, String unitId,
            String streetCode, LocalDate periodFrom, LocalDate periodTo, BigDecimal hours, String content, String issuer,
            String issuedBy, LocalDate issuedOn, Instant issuedAt, String hash,
            @Schema(enumeration = {"VALID", "OUTDATED", "REVOKED"}, description = "OUTDATED: a correction changed hours "
                    + "it certifies after it was issued; a new statement is to be issued. A revoked one stays REVOKED")
            String status, String revocationReason, String revokedBy, Instant revokedAt,
            @Schema(description = "Printed on the statement beside its number; the public verification needs both")
            String verificationCode,
            @Schema(description = "OUTDATED: when the first correction of hours it certifies was made")
            Instant outdatedAt,
            @Schema(description = "OUTDATED: that correction's id (GET /ledger/entries shows it with its entry)")
            String outdatedByCorrection,
            @Schema(description = "OUTDATED: the hours the ledger holds now for the services it lists, beside the "
                    + "hours it certifies")
            BigDecimal hoursInForce) {
        static StatementResponse of(HourStatement s) {
            var r = s.revocation();
            var o = s.outdating();
            return new StatementResponse(s.number(), s.volunteerId(), s.maskedName(), s.unitId(), s.streetCode(),
                    s.periodFrom(), s.periodTo(), s.hours(), s.content(), s.issuer(), s.issuedBy(), s.issuedOn(),
                    s.issuedAt(), s.hash(), s.standing().name(), r == null ? null : r.reason(),
                    r == null ? null : r.revokedBy(), r == null ? null : r.revokedAt(), s.verificationCode(),
                    o == null ? null : o.outdatedAt(), o == null ? null : o.correctionId(),
                    o == null ? null : o.hoursInForce());
        }
    }

    /**
     * What anyone learns by a statement's number: VALID, OUTDATED or REVOKED (or ALTERED when the stored record no
     * longer gives its hash), the hash to compare with the printed one, and the masked identity, hours and period as
     * printed. An outdated statement tells when, and to ask the issuer for a new one, not the hours the ledger holds
     * now: those are the desk's to certify.
     */
    public record StatementVerification(String number,
            @Schema(enumeration = {"VALID", "OUTDATED", "REVOKED", "ALTERED"}) String status, String hash,
            boolean hashMatches, String maskedName, BigDecimal hours, LocalDate periodFrom, LocalDate periodTo,
            String issuer, LocalDate issuedOn, String revocationReason, Instant revokedAt,
            @Schema(description = "OUTDATED: when hours it certifies were corrected") Instant outdatedAt,
            @Schema(description = "What the checker is to do when the statement is not VALID; in Chinese for "
                    + "Accept-Language: zh-CN") String notice) {
    }

    public record SubmitSummary(@NotBlank @Pattern(regexp = "^2[0-9]{3}-(0[1-9]|1[0-2])$", message = "must be a month (YYYY-MM) from 2000-01 to 2999-12")
            String month) {
    }
}
