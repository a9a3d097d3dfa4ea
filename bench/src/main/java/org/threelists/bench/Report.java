package org.threelists.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The results as plain-text tables (Markdown, so the README can take them as they are). */
final class Report {

    private final Map<String, Object> json;

    Report(Map<String, Object> json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    void print(PrintStream out) {
        Map<String, Object> ingest = (Map<String, Object>) json.get("ingest");
        Map<String, Object> services = (Map<String, Object>) json.get("services");
        Map<String, String> load = (Map<String, String>) json.get("loadAverage");
        out.println();
        out.printf("threelists bench, %s, %s cores, Java %s; load average (1/5/15 min) at start %s, after ingest %s, at end %s; total %s s%n",
                json.get("date"), json.get("cores"), json.get("java"), load.get("start"), load.get("afterIngest"), load.get("end"),
                json.get("totalSeconds"));
        out.println();
        out.printf("Ingest: POST /demands (201 = committed) vs single-row INSERT transactions over JDBC into an event-store-shaped"
                + " table on the same PostgreSQL (%s B payload + %s B metadata, a real demand event's)%n",
                ingest.get("eventPayloadBytes"), ingest.get("eventMetaDataBytes"));
        out.println();
        out.println("| clients | REST req/s | REST p50 ms | REST p99 ms | JDBC tx/s | JDBC p50 ms | JDBC p99 ms | REST/JDBC | errors |");
        out.println("|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (Map<String, Object> level : (List<Map<String, Object>>) ingest.get("levels")) {
            Map<String, Object> rest = (Map<String, Object>) level.get("rest");
            Map<String, Object> jdbc = (Map<String, Object>) level.get("jdbc");
            out.printf("| %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.3f | %s |%n", level.get("clients"),
                    rest.get("perSecond"), rest.get("p50Ms"), rest.get("p99Ms"),
                    jdbc.get("perSecond"), jdbc.get("p50Ms"), jdbc.get("p99Ms"), level.get("restOverJdbc"),
                    ((Number) rest.get("errors")).longValue() + ((Number) jdbc.get("errors")).longValue());
        }
        out.println();
        out.println("CPU milliseconds per acknowledged request / per insert, by process (other = the rest of the machine's busy time):");
        out.println();
        out.println("| clients | what | demand-list | postgres | kafka | client (bench JVM) | other | machine busy % |");
        out.println("|--:|---|--:|--:|--:|--:|--:|--:|");
        for (Map<String, Object> level : (List<Map<String, Object>>) ingest.get("levels")) {
            for (String kind : List.of("rest", "jdbc")) {
                Map<String, Object> result = (Map<String, Object>) level.get(kind);
                Map<String, Object> cpu = (Map<String, Object>) result.get("cpuMsPerOp");
                out.printf("| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |%n", level.get("clients"), kind.toUpperCase(),
                        cpu.get("demand-list"), cpu.get("postgres"), cpu.get("kafka"), cpu.get("client"),
                        result.get("otherCpuMsPerOp"), result.get("machineBusyPercent"));
            }
        }
        out.println();
        out.printf("Rows one POST /demands adds to demand-list's database: %s; commits per request ≈ %s%n",
                ingest.get("rowsInsertedPerRequest"), ingest.get("commitsPerRequestApprox"));
        out.println();
        out.println("Services (" + services.get("heap") + "):");
        out.println();
        out.println("| service | spawn → ready s | LocalStack \"up in\" s | Quarkus \"started in\" s | RSS MiB | peak RSS MiB | warmed up by |");
        out.println("|---|--:|--:|--:|--:|--:|---|");
        for (Map<String, Object> row : (List<Map<String, Object>>) services.get("rows")) {
            out.printf("| %s | %s | %s | %s | %.0f | %.0f | %s |%n", row.get("service"), dash(row.get("readySeconds")),
                    dash(row.get("localStackUpInSeconds")), dash(row.get("quarkusStartedInSeconds")),
                    row.get("rssMiB"), row.get("peakRssMiB"), row.get("warmedUpBy"));
        }
        out.println();
    }

    private static String dash(Object seconds) {
        double value = ((Number) seconds).doubleValue();
        return value < 0 ? "–" : String.format("%.2f", value);
    }
}
