package org.threelists.localstack;

import org.threelists.devkit.DevTokens;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the launcher prints once everything is up, and the tokens file it writes for the shell. */
final class ConsoleSummary {

    static final String DEMO_STREET = "dianqian";
    static final String DEMO_COMMUNITY = "jiafu";
    static final String DEMO_UNIT = "unit-huli-court";
    /** The integration events each service publishes, for the console consumer command (docs/architecture.md §2). */
    static final Map<String, String> TOPICS = Map.of(
            LocalStack.DEMAND_LIST, "demand-list.events.v1",
            LocalStack.RESOURCE_LIST, "resource-list.events.v1",
            LocalStack.MATCHMAKER, "project-list.events.v1",
            LocalStack.LEDGER, "municipal.service-records.v1");
    /** Relative to the repository root; kafka-tools is copied there with the launcher's other dependencies. */
    static final String LAUNCHER_LIB = "tools/local-stack/target/lib/*";

    private final LocalStack stack;
    private final Map<String, String> tokens;

    ConsoleSummary(LocalStack stack) {
        this.stack = stack;
        this.tokens = demoTokens();
        if (isRunning(LocalStack.RESOURCE_LIST)) {
            tokens.putAll(PartyGroupDemoData.memberTokens(stack.baseUrl(LocalStack.RESOURCE_LIST)));
        }
    }

    /**
     * One token per role, all for 殿前街道 (dianqian): the community token is 嘉福社区's, the unit is the district court
     * ({@code unit-huli-court}, one of resource-list's demo units, so the unit token can offer and reserve its resources).
     * With resource-list running, the demo Party group's leader and one of its members get a member token each
     * ({@code LEADER_TOKEN}, {@code MEMBER_TOKEN}: their slips in demand-list).
     */
    static Map<String, String> demoTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("COMMUNITY_TOKEN", DevTokens.community("dev-community-worker", DEMO_STREET, DEMO_COMMUNITY));
        tokens.put("DESK_TOKEN", DevTokens.desk("dev-desk", DEMO_STREET));
        tokens.put("UNIT_TOKEN", DevTokens.unit("dev-unit-member", DEMO_UNIT, DEMO_STREET));
        tokens.put("AUDITOR_TOKEN", DevTokens.auditor("dev-auditor", DEMO_STREET));
        return tokens;
    }

    static String consoleConsumerCommand(String bootstrapServers, String topic) {
        return "java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp \"" + LAUNCHER_LIB + "\""
                + " org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server " + bootstrapServers
                + " --topic " + topic + " --from-beginning --property print.key=true";
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "Runs the threelists system locally: PostgreSQL, a Kafka broker and every built service, with demo data.",
                "Usage: ./run-local.sh [--build]   (or: java -jar tools/local-stack/target/local-stack-0.1.0-SNAPSHOT-launcher.jar)",
                "Environment:",
                "  " + LocalStack.ENV_DB_URL + "                 use this PostgreSQL (a base URL, e.g. jdbc:postgresql://host:5432/)",
                "  " + LocalStack.ENV_DB_USER + ", " + LocalStack.ENV_DB_PASSWORD + "   its credentials (default postgres/postgres)",
                "  " + LocalStack.ENV_DB_PORT + "                port of the embedded PostgreSQL (default " + LocalStack.DEFAULT_POSTGRES_PORT + ")",
                "  " + LocalStack.ENV_KAFKA_BOOTSTRAP_SERVERS + " use this Kafka cluster",
                "  " + LocalStack.ENV_KAFKA_PORT + "             port of the local broker (default " + LocalStack.DEFAULT_KAFKA_PORT + ")",
                "Data, logs and keys live in .local/ at the repository root; rm -rf .local starts afresh.");
    }

    void print(PrintStream out) {
        Path root = stack.repoRoot();
        out.println();
        out.println("=== threelists is running ===");
        // the console first: it is what a desk, a unit or a community worker opens; the rest is for developers
        if (stack.consoleUrl() != null) {
            out.println();
            out.printf("%-14s %s   <- open in a browser, pick a demo identity%n", "console 控制台", stack.consoleUrl());
            out.printf("  log          %s%n", relative(root, stack.logDir().resolve(LocalStack.CONSOLE + ".log")));
        }
        for (ServiceSpec service : stack.services()) {
            String url = service.baseUrl();
            out.println();
            out.printf("%-14s %s%n", service.name(), url);
            out.printf("  Swagger UI   %s/q/swagger-ui%n", url);
            out.printf("  health       %s/q/health%n", url);
            out.printf("  OpenAPI      %s/q/openapi%n", url);
            out.printf("  log          %s%n", relative(root, stack.logDir().resolve(service.name() + ".log")));
            out.printf("  database     %s%n", stack.jdbcUrl(service.database()));
        }
        for (ServiceSpec service : stack.skippedServices()) {
            out.println();
            out.printf("%-14s not built, not started%n", service.name());
        }
        out.println();
        out.printf("Kafka          %s%n", stack.bootstrapServers());
        out.printf("PostgreSQL     %s  (user %s, password %s)%n", stack.baseJdbcUrl(), stack.databaseUser(),
                stack.databasePassword());
        out.printf("logs           %s%n", relative(root, stack.logDir()));
        out.println();
        out.println("Tokens (valid 12 h; restart for new ones), also in " + relative(root, tokensFile())
                + " - run: source " + relative(root, tokensFile()));
        tokens.forEach((name, token) -> out.println(name + "=" + token));
        out.println();
        out.println("Try:");
        if (isRunning(LocalStack.DEMAND_LIST)) {
            out.println("  curl -H \"Authorization: Bearer $DESK_TOKEN\" '" + stack.baseUrl(LocalStack.DEMAND_LIST)
                    + "/demands?size=5'");
        }
        if (isRunning(LocalStack.RESOURCE_LIST)) {
            out.println("  curl -H \"Authorization: Bearer $DESK_TOKEN\" '" + stack.baseUrl(LocalStack.RESOURCE_LIST)
                    + "/resources?category=LEGAL_ADVICE'");
        }
        if (isRunning(LocalStack.MATCHMAKER)) {
            out.println("  curl -X POST -H \"Authorization: Bearer $DESK_TOKEN\" '" + stack.baseUrl(LocalStack.MATCHMAKER)
                    + "/plans/street'");
        }
        for (ServiceSpec service : stack.services()) {
            String topic = TOPICS.get(service.name());
            if (topic != null) {
                out.println("Watch the " + service.name() + " events (from the repository root):");
                out.println("  " + consoleConsumerCommand(stack.bootstrapServers(), topic));
            }
        }
        out.println();
        out.println("Press Ctrl-C to stop everything.");
    }

    void writeTokensFile() {
        Path file = tokensFile();
        StringBuilder text = new StringBuilder()
                .append("# threelists local stack: dev tokens, written at ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT)))
                .append(", valid for 12 hours.\n")
                .append("# source this file, then e.g.: curl -H \"Authorization: Bearer $DESK_TOKEN\" \"$DEMAND_LIST_URL/demands\"\n")
                .append("#   or: curl -H \"Authorization: Bearer $DESK_TOKEN\" \"$RESOURCE_LIST_URL/resources?category=LEGAL_ADVICE\"\n")
                .append("#   or: curl -X POST -H \"Authorization: Bearer $DESK_TOKEN\" \"$MATCHMAKER_URL/plans/street\"\n");
        tokens.forEach((name, token) -> text.append(name).append('=').append(token).append('\n'));
        for (ServiceSpec service : stack.services()) {
            text.append(service.name().toUpperCase(Locale.ROOT).replace('-', '_')).append("_URL=")
                    .append(service.baseUrl()).append('\n');
        }
        if (stack.consoleUrl() != null) {
            text.append("CONSOLE_URL=").append(stack.consoleUrl()).append('\n');
        }
        text.append("KAFKA_BOOTSTRAP=").append(stack.bootstrapServers()).append('\n');
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private boolean isRunning(String service) {
        return stack.services().stream().anyMatch(spec -> spec.name().equals(service));
    }

    private Path tokensFile() {
        return stack.dataDir().resolve("tokens.env");
    }

    private static Path relative(Path root, Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    }
}
