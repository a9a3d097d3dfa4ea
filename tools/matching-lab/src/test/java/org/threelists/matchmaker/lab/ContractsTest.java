package org.threelists.matchmaker.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.CandidatePair;
import org.threelists.matchmaker.matching.Json;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.TestInstances;
import org.threelists.matchmaker.matching.Weights;
import org.threelists.matchmaker.matching.model.Problem;

/** The instance schema, the JSON round trip, PlanCommand, and the generator's copy of the reference data. */
class ContractsTest {

    private static final Path CONTRACTS = Path.of(System.getProperty("contracts.dir", "../../contracts"));
    private final ObjectMapper mapper = Json.mapper();

    private JsonSchema instanceSchema() {
        String folder = CONTRACTS.toAbsolutePath().normalize().toUri().toString();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                .schemaMappers(m -> m
                        .mapPrefix("https://threelists.dev/schemas/matching-instance.schema.json",
                                folder + "matching-instance.schema.json")
                        .mapPrefix("https://threelists.dev/schemas/", folder + "schemas/"))
                .schemaLoaders(l -> l.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("file:")))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = factory.getSchema(
                SchemaLocation.of("https://threelists.dev/schemas/matching-instance.schema.json"), config);
        schema.initializeValidators();
        return schema;
    }

    @Test
    void generatedInstancesValidateAgainstTheSchemaAndRoundTrip() throws Exception {
        JsonSchema schema = instanceSchema();
        MatchingInstance inst = new InstanceGenerator(5, 200, 20).generate();
        JsonNode json = mapper.valueToTree(inst);
        assertThat(schema.validate(json)).isEmpty();
        assertThat(mapper.treeToValue(json, MatchingInstance.class)).isEqualTo(inst);

        MatchingInstance withCandidates = new MatchingInstance(inst.demands(), inst.resources(),
                List.of(new CandidatePair(inst.demands().get(0).id(), inst.resources().get(0).id(), 0.7)),
                new Weights(0.5, null, null, null, null, null));
        assertThat(schema.validate(mapper.valueToTree(withCandidates))).isEmpty();
        JsonNode bad = mapper.readTree("{\"demands\":[{\"id\":\"d\",\"communityCode\":\"jiafu\",\"category\":\"NOPE\","
                + "\"urgency\":\"HIGH\",\"estimatedHours\":0}],\"resources\":[]}");
        assertThat(schema.validate(bad)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void generatorIsSeededAndUsesTheReferenceCodes() throws Exception {
        assertThat(new InstanceGenerator(9, 50, 10).generate()).isEqualTo(new InstanceGenerator(9, 50, 10).generate());
        List<String> categories = new ArrayList<>();
        mapper.readTree(CONTRACTS.resolve("reference/categories.json").toFile())
                .forEach(c -> categories.add(c.get("code").asText()));
        assertThat(InstanceGenerator.CATEGORIES).isEqualTo(categories);
        Map<String, List<String>> streets = new TreeMap<>();
        mapper.readTree(CONTRACTS.resolve("reference/communities.json").toFile()).forEach(s -> {
            List<String> cs = new ArrayList<>();
            s.get("communities").forEach(c -> cs.add(c.get("code").asText()));
            streets.put(s.get("code").asText(), cs);
        });
        assertThat(new TreeMap<>(InstanceGenerator.STREETS)).isEqualTo(streets);
        int pairs = Problem.build(new InstanceGenerator(1, 2000, 200).generate()).pairCount();
        assertThat(pairs / 2000.0).as("feasible pairs per demand").isBetween(5.0, 30.0);
    }

    @Test
    void planCommandReadsAFileAndWritesThePlan() throws Exception {
        Path file = Files.createTempFile("instance", ".json");
        mapper.writeValue(file.toFile(), new MatchingInstance(
                List.of(TestInstances.demand("d1", "jiafu", "HEALTH", 2)),
                List.of(TestInstances.resource("r1", "unit-a", "HEALTH", "jiafu", 5))));
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            PlanCommand.main(new String[] {file.toString()});
        } finally {
            System.setOut(out);
        }
        JsonNode plan = mapper.readTree(buffer.toString(StandardCharsets.UTF_8));
        assertThat(plan.at("/assignments/0/demandId").asText()).isEqualTo("d1");
        assertThat(plan.at("/assignments/0/resourceId").asText()).isEqualTo("r1");
        assertThat(plan.get("objective").asDouble()).isPositive();
        assertThat(plan.has("solveMillis")).isTrue();
        assertThat(plan.at("/projects/0/demandIds/0").asText()).isEqualTo("d1");
    }
}
