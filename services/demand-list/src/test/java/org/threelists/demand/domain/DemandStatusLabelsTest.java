package org.threelists.demand.domain;

import org.junit.jupiter.api.Test;
import org.threelists.platform.problem.ProblemCatalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demand's status has one name wherever people read it: the API's {@code statusLabel} ({@link DemandStatus#zh}), the
 * console's label (console/web/src/labels.js) and the refusals' (libs/platform problems.zh-CN.tsv). SUBMITTED is
 * 待核实: a submitted demand awaits the community's check before it is listed.
 */
class DemandStatusLabelsTest {

    private static final Pattern LABEL = Pattern.compile("^\\s*([A-Z_]+): '([^']*)',?\\s*$");

    @Test
    void every_status_reads_the_same_in_the_api_the_console_and_the_refusals() throws IOException {
        Map<String, String> console = consoleLabels();
        ProblemCatalogue refusals = ProblemCatalogue.loaded();
        assertThat(console.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(DemandStatus.values()).map(Enum::name).toList());
        for (DemandStatus status : DemandStatus.values()) {
            assertThat(status.zh()).as(status + " in the console").isEqualTo(console.get(status.name()));
            assertThat(status.zh()).as(status + " in refusals").isEqualTo(refusals.chinese(status.name()).orElse(null));
        }
        assertThat(DemandStatus.SUBMITTED.zh()).isEqualTo("待核实");
    }

    /** The console's {@code demandStatuses}, code → label. */
    private static Map<String, String> consoleLabels() throws IOException {
        String js = Files.readString(repositoryFile("console/web/src/labels.js"));
        String block = js.substring(js.indexOf("export const demandStatuses = {"));
        block = block.substring(0, block.indexOf("\n}"));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String line : block.split("\n")) {
            Matcher label = LABEL.matcher(line);
            if (label.matches()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }

    private static Path repositoryFile(String path) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(path))) {
                return dir.resolve(path);
            }
        }
        throw new IllegalStateException("No " + path + " above " + Path.of("").toAbsolutePath());
    }
}
