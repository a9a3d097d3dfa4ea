package org.threelists.deploy.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.strimzi.crdgenerator.annotations.Maximum;
import io.strimzi.crdgenerator.annotations.Minimum;
import io.strimzi.crdgenerator.annotations.Pattern;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rules of a Strimzi CRD version that the Java model states as annotations, applied to a manifest: one model
 * class serves every API version, so a field that v1 removed (e.g. KafkaUser acls[].operation) parses fine and only
 * {@code @PresentInVersions} says it is not part of v1. Also {@code @RequiredInVersions},
 * {@code @JsonProperty(required = true)}, {@code @Minimum}, {@code @Maximum} and {@code @Pattern}. Checked on the
 * raw manifest alongside the parsed model, so only fields that are really written count.
 */
final class StrimziRules {

    private static final List<String> VERSIONS = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    private StrimziRules() {
    }

    static void check(JsonNode raw, Object model, String path, String version, boolean partial, List<String> errors) {
        if (model == null || raw == null) {
            return;
        }
        if (raw.isArray() && model instanceof List<?> list) {
            for (int i = 0; i < raw.size() && i < list.size(); i++) {
                check(raw.get(i), list.get(i), path + "[" + i + "]", version, partial, errors);
            }
            return;
        }
        if (!raw.isObject() || model instanceof Map || !model.getClass().getName().startsWith("io.strimzi.")) {
            return; // fabric8 types inside Strimzi resources: unknown fields are caught by the strict parser
        }
        BeanDescription description = StrictModel.MAPPER.getDeserializationConfig()
                .introspect(StrictModel.MAPPER.constructType(model.getClass()));
        Map<String, BeanPropertyDefinition> properties = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            properties.put(property.getName(), property);
        }
        Iterator<String> fields = raw.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            BeanPropertyDefinition property = properties.get(field);
            if (property == null) {
                continue; // a type discriminator, or metadata handled by fabric8
            }
            String at = path.isEmpty() ? field : path + "." + field;
            JsonNode value = raw.get(field);
            PresentInVersions present = annotation(property, PresentInVersions.class);
            if (present != null && !in(version, present.value())) {
                errors.add(at + " is not part of the " + version + " API (only " + present.value() + ")");
            }
            Minimum minimum = annotation(property, Minimum.class);
            if (minimum != null && value.isNumber() && value.asLong() < minimum.value()) {
                errors.add(at + " = " + value + " is below the minimum " + minimum.value());
            }
            Maximum maximum = annotation(property, Maximum.class);
            if (maximum != null && value.isNumber() && value.asLong() > maximum.value()) {
                errors.add(at + " = " + value + " is above the maximum " + maximum.value());
            }
            Pattern pattern = annotation(property, Pattern.class);
            if (pattern != null && value.isTextual()
                    && !java.util.regex.Pattern.compile(pattern.value()).matcher(value.asText()).find()) {
                errors.add(at + " = '" + value.asText() + "' does not match " + pattern.value());
            }
            AnnotatedMember accessor = property.getGetter() != null ? property.getGetter() : property.getField();
            if (accessor != null) {
                accessor.fixAccess(true);
                check(value, accessor.getValue(model), at, version, partial, errors);
            }
        }
        if (!partial) {
            for (BeanPropertyDefinition property : properties.values()) {
                RequiredInVersions required = annotation(property, RequiredInVersions.class);
                JsonProperty json = annotation(property, JsonProperty.class);
                boolean mandatory = (required != null && in(version, required.value())) || (json != null && json.required());
                if (mandatory && !raw.has(property.getName()) && !property.getName().equals("status")) {
                    errors.add((path.isEmpty() ? "" : path + ".") + property.getName() + " is required in " + version);
                }
            }
        }
    }

    private static <A extends Annotation> A annotation(BeanPropertyDefinition property, Class<A> type) {
        return Stream.of(property.getGetter(), property.getSetter(), property.getField())
                .filter(m -> m != null && m.getAnnotated() instanceof AnnotatedElement)
                .map(m -> ((AnnotatedElement) m.getAnnotated()).getAnnotation(type))
                .filter(a -> a != null).findFirst().orElse(null);
    }

    /** Whether a version is in a range as Strimzi writes them: "v1beta2", "v1+", "v1alpha1-v1beta2", or a list. */
    static boolean in(String version, String range) {
        int v = VERSIONS.indexOf(version);
        for (String part : range.split(",")) {
            part = part.trim();
            if (part.endsWith("+") && v >= VERSIONS.indexOf(part.substring(0, part.length() - 1))) {
                return true;
            }
            if (part.contains("-")) {
                String[] bounds = part.split("-");
                if (v >= VERSIONS.indexOf(bounds[0]) && v <= VERSIONS.indexOf(bounds[1])) {
                    return true;
                }
            }
            if (part.equals(version)) {
                return true;
            }
        }
        return false;
    }
}
