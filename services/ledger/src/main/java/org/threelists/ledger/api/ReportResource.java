package org.threelists.ledger.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.ledger.projection.directory.Directory;
import org.threelists.ledger.projection.reports.LedgerReports;
import org.threelists.ledger.projection.reports.LedgerReports.GroupBy;
import org.threelists.ledger.projection.reports.LedgerReports.Row;
import org.threelists.ledger.projection.reports.Standings;
import org.threelists.platform.domain.NotFoundException;
import org.threelists.platform.domain.RecordDates;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Roles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/**
 * Reports (统计报表) in JSON or CSV (UTF-8 with BOM, so Excel reads the Chinese), rankings (积分排名) and a unit's yearly
 * summary for its Party organisation.
 */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "统计报表 — figures, rankings, yearly summaries")
public class ReportResource {

    static final String CSV = "text/csv; charset=UTF-8";
    private static final String BOM = "\uFEFF";

    private final LedgerReports reports;
    private final Standings standings;
    private final Directory directory;
    private final LedgerAccess access;
    private final ZoneId zone;

    ReportResource(LedgerReports reports, Standings standings, Directory directory, LedgerAccess access,
            @ConfigProperty(name = "threelists.ledger.time-zone") ZoneId zone) {
        this.reports = reports;
        this.standings = standings;
        this.directory = directory;
        this.access = access;
        this.zone = zone;
    }

    /**
     * rows and totals count confirmed deliveries only; pending holds what is recorded for projects the community has
     * not confirmed yet (the CSV export leaves it out).
     */
    public record Report(String streetCode, String unitId, GroupBy groupBy, LocalDate from, LocalDate to, String lang,
            List<Row> rows, Row totals, Row pending) {
    }

    public record Rankings(String streetCode, String of, LocalDate from, LocalDate to, String pointsRule,
            List<Standings.Standing> standings) {
    }

    @GET
    @Path("/reports")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.UNIT})
    @Operation(summary = "Hours, activities, volunteers and residents served, grouped and filtered by period",
            description = "groupBy: unit, community, category, month or street. format=csv (or Accept: text/csv) gives "
                    + "CSV in UTF-8 with a BOM; lang=zh-CN gives Chinese column headers and labels. A unit sees only "
                    + "its own figures.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response report(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("lang") String lang, @QueryParam("format") String format,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        var scope = access.scope();
        GroupBy by = enumValue(GroupBy.class, "groupBy", groupBy == null ? "community" : groupBy);
        LocalDate start = LedgerAccess.date("from", from, RecordDates.EARLIEST);
        LocalDate end = LedgerAccess.date("to", to, RecordDates.LATEST);
        LedgerAccess.checkPeriod(start, end);
        boolean zh = zh(lang);
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.startsWith("text/csv"));
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ProblemException.invalid("format", "must be json or csv");
        }
        LedgerReports.Answer answer = reports.answer(scope, by, start, end, zh);
        Report report = new Report(scope.street(), scope.unit(), by, start, end, zh ? "zh-CN" : "en", answer.rows(),
                answer.totals(), answer.pending());
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(csv(report, zh).getBytes(StandardCharsets.UTF_8), CSV)
                .header("Content-Disposition", "attachment; filename=\"ledger-" + by.name().toLowerCase() + "-" + start
                        + "-" + end + ".csv\"").build();
    }

    static boolean zh(String lang) {
        if (lang == null || lang.isBlank() || lang.equalsIgnoreCase("en")) {
            return false;
        }
        if (lang.equalsIgnoreCase("zh-CN") || lang.equalsIgnoreCase("zh")) {
            return true;
        }
        throw ProblemException.invalid("lang", "must be en or zh-CN");
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";

    static String csv(Report report, boolean zh) {
        StringBuilder out = new StringBuilder(BOM);
        String key = switch (report.groupBy()) {
            case UNIT -> zh ? "单位代码" : "unit";
            case COMMUNITY -> zh ? "社区代码" : "community";
            case CATEGORY -> zh ? "类别代码" : "category";
            case MONTH -> zh ? "月份" : "month";
            case STREET -> zh ? "街道代码" : "street";
        };
        out.append(String.join(",", key, zh ? "名称" : "label", zh ? "服务时长(小时)" : "hours",
                zh ? "服务活动(次)" : "activities", zh ? "志愿者(人)" : "volunteers", zh ? "服务居民(人次)" : "residentsServed"))
                .append("\r\n");
        for (Row row : report.rows()) {
            line(out, row.key(), row.label(), row);
        }
        line(out, zh ? "合计" : "TOTAL", zh ? "合计" : "total", report.totals());
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String label, Row row) {
        out.append(cell(key)).append(',').append(cell(label)).append(',').append(row.hours().toPlainString()).append(',')
                .append(row.activities()).append(',').append(row.volunteers()).append(',').append(row.residentsServed())
                .append("\r\n");
    }

    /**
     * RFC 4180 quoting; a leading = + - @, TAB or CR is neutralised (OWASP's CSV injection advice) so a spreadsheet never
     * runs a cell as a formula: Excel skips a leading TAB or CR and reads what follows as the cell.
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @GET
    @Path("/rankings")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.UNIT})
    @Operation(summary = "Rank the street's units or volunteers by points", description = "points = hours + 10 × "
            + "completed projects + 2 × Σ(rating − 3) over the residents' ratings of those projects (see README). "
            + "street: the caller's own (the default); any other is refused. A unit reads the units' ranking only.")
    public Rankings rankings(@QueryParam("of") String of, @QueryParam("street") String street,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        String what = of == null ? "units" : of.toLowerCase();
        // the street is checked before the query is validated: another street's caller learns nothing from a 400
        String ranked = access.rankingStreet(street);
        if (!what.equals("units") && !what.equals("volunteers")) {
            throw ProblemException.invalid("of", "must be units or volunteers");
        }
        if (what.equals("volunteers")) {
            access.requireVolunteerRankingReader();
        }
        LocalDate start = LedgerAccess.date("from", from, RecordDates.EARLIEST);
        LocalDate end = LedgerAccess.date("to", to, RecordDates.LATEST);
        LedgerAccess.checkPeriod(start, end);
        return new Rankings(ranked, what, start, end, Standings.POINTS_RULE,
                standings.rank(ranked, start, end, what.equals("volunteers")));
    }

    @GET
    @Path("/units/{unitId}/yearly-summary")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.UNIT})
    @Operation(summary = "A unit's yearly summary for its Party organisation", description = "memberHours counts the "
            + "hours of the unit's dual-registered volunteers wherever they served (双报到 hours count back to their unit)")
    public Standings.YearlySummary yearly(@PathParam("unitId") String unitId, @QueryParam("year") Integer year) {
        var unit = directory.unit(unitId).orElseThrow(() -> new NotFoundException("Unit", unitId));
        access.requireReadable(unit.streetCode(), unit.unitId(), "Unit " + unitId);
        return standings.yearly(unit, RequestParameters.yearOrThis("year", year, zone));
    }
}
