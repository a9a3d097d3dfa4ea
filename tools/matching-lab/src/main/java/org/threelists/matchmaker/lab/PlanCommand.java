package org.threelists.matchmaker.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.threelists.matchmaker.matching.Json;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;

/**
 * Offline planning from the command line: reads a matching instance (contracts/matching-instance.schema.json) from
 * a file, or from stdin when the argument is missing or "-", and writes the plan as JSON to stdout.
 *
 * <pre>java -cp "target/matching-engine-0.1.0-SNAPSHOT.jar:target/lib/*" \
 *     org.threelists.matchmaker.lab.PlanCommand [--time-limit SECONDS] [instance.json]</pre>
 *
 * Exit status: 0 planned, 2 bad usage or bad instance.
 */
public final class PlanCommand {

    private PlanCommand() {
    }

    public static void main(String[] args) throws IOException {
        double timeLimit = MatchingEngine.Options.DEFAULTS.timeLimitSeconds();
        String file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--time-limit") && i + 1 < args.length) {
                timeLimit = Double.parseDouble(args[++i]);
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.println("usage: PlanCommand [--time-limit SECONDS] [instance.json | -]");
                return;
            } else if (file == null) {
                file = args[i];
            } else {
                System.err.println("usage: PlanCommand [--time-limit SECONDS] [instance.json | -]");
                System.exit(2);
            }
        }
        ObjectMapper mapper = Json.mapper();
        MatchingInstance instance;
        try (InputStream in = file == null || file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            instance = mapper.readValue(in, MatchingInstance.class);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("invalid matching instance: " + e.getMessage());
            System.exit(2);
            return;
        }
        MatchingEngine.Options defaults = MatchingEngine.Options.DEFAULTS;
        MatchingPlan plan = new MatchingEngine(new MatchingEngine.Options(timeLimit, defaults.workers(),
                defaults.useCpSat())).plan(instance);
        mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValue(System.out, plan);
        System.out.println();
    }
}
