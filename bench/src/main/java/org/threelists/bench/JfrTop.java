package org.threelists.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a service's CPU went, from a flight recording ({@code bench/run.sh --jfr DIR}): the execution samples of a
 * time window, as the top frames by own time and as the share of samples in which each suspect of the README's
 * "Profiles" appears anywhere on the stack. Usage:
 * {@code java -cp bench/target/bench.jar org.threelists.bench.JfrTop FILE.jfr [FROM TO] [TOP]} with FROM and TO as
 * UTC times of day (HH:MM:SS), the window of a bench part as its log shows it.
 */
public final class JfrTop {

    /** Suspects by package prefix; a sample counts for each one that appears on its stack. */
    private static final Map<String, List<String>> SUSPECTS = new LinkedHashMap<>();

    static {
        SUSPECTS.put("XStream", List.of("com.thoughtworks.xstream."));
        SUSPECTS.put("Jackson", List.of("com.fasterxml.jackson."));
        SUSPECTS.put("JSON Schema validation", List.of("com.networknt."));
        SUSPECTS.put("Axon", List.of("org.axonframework."));
        SUSPECTS.put("Axon serialization", List.of("org.axonframework.serialization."));
        SUSPECTS.put("Hibernate", List.of("org.hibernate."));
        SUSPECTS.put("JDBC driver", List.of("org.postgresql."));
        SUSPECTS.put("connection pool", List.of("io.agroal."));
        SUSPECTS.put("JTA (Narayana)", List.of("com.arjuna.", "io.quarkus.narayana."));
        SUSPECTS.put("JWT verification", List.of("io.smallrye.jwt.", "org.jose4j."));
        SUSPECTS.put("crypto (JCA)", List.of("javax.crypto.", "com.sun.crypto.", "sun.security."));
        SUSPECTS.put("PII vault", List.of("org.threelists.platform.pii."));
        SUSPECTS.put("logging", List.of("org.jboss.logmanager.", "org.jboss.logging."));
        SUSPECTS.put("Vert.x / Netty", List.of("io.vertx.", "io.netty."));
        SUSPECTS.put("RESTEasy", List.of("org.jboss.resteasy."));
        SUSPECTS.put("Kafka clients", List.of("org.apache.kafka."));
        SUSPECTS.put("threelists code", List.of("org.threelists."));
    }

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrTop FILE.jfr [FROM TO] [TOP]   (FROM, TO: UTC HH:MM:SS)");
            System.exit(2);
        }
        LocalTime from = args.length >= 3 ? LocalTime.parse(args[1]) : LocalTime.MIN;
        LocalTime to = args.length >= 3 ? LocalTime.parse(args[2]) : LocalTime.MAX;
        int top = args.length >= 4 ? Integer.parseInt(args[3]) : args.length == 2 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> suspects = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            LocalTime at = LocalTime.ofInstant(event.getStartTime(), ZoneOffset.UTC);
            RecordedStackTrace stack = event.getStackTrace();
            if (at.isBefore(from) || at.isAfter(to) || stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            self.merge(frame(stack.getFrames().get(0)), 1, Integer::sum);
            threads.merge(threadGroup(event), 1, Integer::sum);
            SUSPECTS.forEach((name, prefixes) -> {
                if (stack.getFrames().stream().anyMatch(f -> matches(f, prefixes))) {
                    suspects.merge(name, 1, Integer::sum);
                }
            });
        }
        System.out.printf("%s: %d execution samples between %s and %s (UTC)%n%n", args[0], samples, from, to);
        print("top frames (own time)", self, samples, top);
        print("suspects (anywhere on the stack)", suspects, samples, SUSPECTS.size());
        print("threads", threads, samples, 10);
    }

    private static boolean matches(RecordedFrame frame, List<String> prefixes) {
        String type = frame.getMethod().getType().getName();
        return prefixes.stream().anyMatch(type::startsWith);
    }

    private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The thread's name without its number, so that a pool counts as one. */
    private static String threadGroup(RecordedEvent event) {
        String name = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
        return name == null ? "?" : name.replaceAll("[-#]?\\d+", "-N");
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("| " + title + " | samples | % |");
        System.out.println("|---|--:|--:|");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("| `%s` | %d | %.1f |%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, samples)));
        System.out.println();
    }
}
