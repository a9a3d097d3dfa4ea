package org.threelists.console.spreadsheet;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threelists.console.proxy.Problems;

/**
 * Spreadsheets in and out (console/README.md "Spreadsheets"): the templates, the imports that send each row as its
 * REST request with the caller's token, and any CSV report of the services as an .xlsx workbook.
 */
@Path("/console")
public class SpreadsheetResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");

    private final UnitsImport unitsImport;
    private final DemandsImport demandsImport;
    private final ServiceCalls calls;

    SpreadsheetResource(UnitsImport unitsImport, DemandsImport demandsImport, ServiceCalls calls) {
        this.unitsImport = unitsImport;
        this.demandsImport = demandsImport;
        this.calls = calls;
    }

    @GET
    @Path("/templates/units-and-offers.xlsx")
    public Response unitsTemplate() {
        return workbook(Templates.unitsAndOffers(), "共建单位与资源导入模板.xlsx");
    }

    @GET
    @Path("/templates/demands.xlsx")
    public Response demandsTemplate() {
        return workbook(Templates.demands(), "需求导入模板.xlsx");
    }

    @POST
    @Path("/import/units-and-offers")
    @Consumes({XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public Response importUnits(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] workbook) {
        return authorization == null ? unauthenticated() : imported(() -> unitsImport.run(workbook, authorization));
    }

    @POST
    @Path("/import/demands")
    @Consumes({XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public Response importDemands(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] workbook) {
        return authorization == null ? unauthenticated() : imported(() -> demandsImport.run(workbook, authorization));
    }

    /** {@code csv} is a path the console routes, {@code /api/<service>/…}, that answers CSV. */
    @GET
    @Path("/export/xlsx")
    public Response export(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("csv") String csv) {
        Matcher route = csv == null ? null : Pattern.compile("^/api/([a-z-]+)(/.*)$").matcher(csv);
        if (route == null || !route.matches() || !calls.routes(route.group(1))) {
            return problem(400, "invalid-input", "无法导出", "csv 须为控制台转发的服务路径，如 /api/ledger/ledger/reports?format=csv");
        }
        ServiceCalls.Answer answer;
        try {
            answer = calls.get(route.group(1), route.group(2), authorization);
        } catch (UpstreamUnavailableException e) {
            return problem(502, "upstream-unavailable", "服务暂时不可用", e.service() + " 没有应答，请稍后再试");
        }
        if (!answer.ok()) {
            return Response.status(answer.status()).type("application/problem+json").entity(answer.body()).build();
        }
        String name = answer.contentDisposition().map(FILENAME::matcher).filter(Matcher::find)
                .map(m -> m.group(1).replaceAll("\\.csv$", "")).orElse("报表");
        return workbook(CsvWorkbook.of(answer.body(), name.length() > 31 ? name.substring(0, 31) : name), name + ".xlsx");
    }

    private static Response imported(java.util.function.Supplier<ImportReport> run) {
        try {
            return Response.ok(run.get(), MediaType.APPLICATION_JSON).build();
        } catch (UnreadableWorkbookException e) {
            return problem(400, "malformed-body", "无法读取的表格", "请上传由模板填写的 .xlsx 文件");
        } catch (UpstreamUnavailableException e) {
            return problem(502, "upstream-unavailable", "服务暂时不可用", e.service() + " 没有应答，已导入的行不受影响，可稍后重新导入");
        }
    }

    private static Response workbook(byte[] bytes, String filename) {
        return Response.ok(bytes, XLSX)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    private static Response unauthenticated() {
        return problem(401, "unauthenticated", "未登录", "请先登录再导入");
    }

    private static Response problem(int status, String type, String title, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Problems.of(status, type, title, detail).encode()).build();
    }
}
