package org.threelists.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small kustomize, for the features deploy/k8s uses and nothing more: there is no kustomize binary on the build
 * machines. Anything else in a kustomization.yaml is refused (never silently ignored), so the overlays cannot start
 * to depend on a feature that this renderer would get wrong. Where a kubectl with kustomize v5 is installed,
 * {@code RenderingTest} renders the overlays with it as well and requires the same result.
 *
 * <p>Supported, with kustomize v5 semantics:
 * <ul>
 *   <li>{@code resources}: files (every YAML document) and directories (another kustomization, rendered first);</li>
 *   <li>{@code namespace}: sets metadata.namespace of every namespaced resource;</li>
 *   <li>{@code labels} with {@code pairs} only ({@code includeSelectors} and {@code includeTemplates} false):
 *       adds the labels to metadata.labels of every resource;</li>
 *   <li>{@code images} ({@code name}, {@code newName}, {@code newTag}, {@code digest}): the image of
 *       containers and initContainers of pod templates;</li>
 *   <li>{@code patches} from {@code path} or inline {@code patch}, with an optional {@code target} (kind, group,
 *       version exact; name and namespace as anchored regular expressions, as kustomize does): a YAML list is a
 *       JSON 6902 patch ({@code add}, {@code remove}, {@code replace}); an object is a strategic-merge patch, which
 *       this renderer supports only where it equals a JSON merge: maps merge, {@code null} deletes, and lists are
 *       replaced, which is what kustomize does for custom resources. A list in a strategic-merge patch of a
 *       built-in kind (where kustomize would merge by key) and {@code $patch} directives are refused: use a JSON
 *       6902 patch for those.</li>
 * </ul>
 * Stricter than kustomize: a patch that matches no resource is an error.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "images", "patches");
    /** Kinds without a namespace, among those this project could use. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No kustomization.yaml in " + dir);
        }
        JsonNode k = Yaml.single(file);
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new UnsupportedOperationException(file + ": '" + field + "' is not supported by this renderer");
            }
        });
        require(k.path("apiVersion").asText().equals("kustomize.config.k8s.io/v1beta1"), file, "apiVersion");
        require(k.path("kind").asText().equals("Kustomization"), file, "kind");

        Map<String, ObjectNode> resources = new LinkedHashMap<>();
        for (JsonNode entry : k.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            List<ObjectNode> loaded = Files.isDirectory(path) ? render(path) : Yaml.objects(path);
            for (ObjectNode resource : loaded) {
                String id = id(resource);
                if (resources.put(id, resource.deepCopy()) != null) {
                    throw new IllegalArgumentException(file + ": resource " + id + " is declared twice");
                }
            }
        }
        List<ObjectNode> result = new ArrayList<>(resources.values());
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, file, patch, result);
        }
        if (k.has("namespace")) {
            String namespace = k.get("namespace").asText();
            for (ObjectNode resource : result) {
                if (!CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
                    metadata(resource).put("namespace", namespace);
                }
            }
        }
        for (JsonNode labels : k.path("labels")) {
            labels.fieldNames().forEachRemaining(field -> {
                if (!field.equals("pairs") && !(Set.of("includeSelectors", "includeTemplates").contains(field)
                        && !labels.get(field).asBoolean())) {
                    throw new UnsupportedOperationException(file + ": labels." + field + " is not supported");
                }
            });
            for (ObjectNode resource : result) {
                ObjectNode target = metadata(resource).has("labels") ? (ObjectNode) metadata(resource).get("labels")
                        : metadata(resource).putObject("labels");
                labels.path("pairs").fields().forEachRemaining(e -> target.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode image : k.path("images")) {
            image.fieldNames().forEachRemaining(field -> {
                if (!Set.of("name", "newName", "newTag", "digest").contains(field)) {
                    throw new UnsupportedOperationException(file + ": images[]." + field + " is not supported");
                }
            });
            for (ObjectNode resource : result) {
                for (JsonNode podSpec : List.of(resource.path("spec").path("template").path("spec"), resource.path("spec"))) {
                    for (String list : List.of("containers", "initContainers")) {
                        for (JsonNode container : podSpec.path(list)) {
                            setImage((ObjectNode) container, image);
                        }
                    }
                }
            }
        }
        return result;
    }

    /** kustomize's resource id: group, kind, namespace and name (the version does not count). */
    static String id(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String name = resource.path("metadata").path("name").asText();
        if (name.isEmpty() || resource.path("kind").asText().isEmpty()) {
            throw new IllegalArgumentException("A resource without kind or metadata.name: " + resource);
        }
        return group + "/" + resource.path("kind").asText() + "/" + resource.path("metadata").path("namespace").asText("")
                + "/" + name;
    }

    private static void setImage(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText();
        String name = current;
        String tag = null;
        String digest = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        if (image.has("newName")) {
            name = image.get("newName").asText();
        }
        if (image.has("newTag")) {
            tag = image.get("newTag").asText();
        }
        if (image.has("digest")) {
            digest = image.get("digest").asText();
            tag = null;
        }
        container.put("image", name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : ""));
    }

    private static void applyPatch(Path dir, Path file, JsonNode entry, List<ObjectNode> resources) {
        entry.fieldNames().forEachRemaining(field -> {
            if (!Set.of("path", "patch", "target").contains(field)) {
                throw new UnsupportedOperationException(file + ": patches[]." + field + " is not supported");
            }
        });
        List<JsonNode> documents = entry.has("path")
                ? Yaml.documents(dir.resolve(entry.get("path").asText()))
                : Yaml.documents(entry.path("patch").asText(), file + " (inline patch)");
        String origin = file + " patch " + entry.path("path").asText("(inline)");
        if (documents.size() != 1) {
            throw new UnsupportedOperationException(origin + ": one patch per entry, please");
        }
        JsonNode patch = documents.get(0);
        List<ObjectNode> targets;
        if (entry.has("target")) {
            targets = resources.stream().filter(r -> selected(r, entry.get("target"), origin)).toList();
        } else if (patch.isObject()) {
            targets = resources.stream().filter(r -> sameResource(r, patch)).toList();
        } else {
            throw new IllegalArgumentException(origin + ": a JSON 6902 patch needs a target");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(origin + " matches no resource");
        }
        for (ObjectNode target : targets) {
            if (patch.isArray()) {
                for (JsonNode operation : patch) {
                    Json6902.apply(target, operation, origin);
                }
            } else if (patch.isObject()) {
                ObjectNode body = ((ObjectNode) patch).deepCopy();
                body.remove("apiVersion");
                body.remove("kind");
                if (body.get("metadata") instanceof ObjectNode meta) {
                    meta.remove("name");
                    meta.remove("namespace");
                }
                merge(target, body, builtIn(target), origin);
            } else {
                throw new IllegalArgumentException(origin + " is neither a list of operations nor an object");
            }
        }
    }

    private static boolean selected(JsonNode resource, JsonNode target, String origin) {
        target.fieldNames().forEachRemaining(field -> {
            if (!Set.of("group", "version", "kind", "name", "namespace").contains(field)) {
                throw new UnsupportedOperationException(origin + ": target." + field + " is not supported");
            }
        });
        String apiVersion = resource.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return (!target.has("group") || target.get("group").asText().equals(group))
                && (!target.has("version") || target.get("version").asText().equals(version))
                && (!target.has("kind") || target.get("kind").asText().equals(resource.path("kind").asText()))
                && (!target.has("name") || Pattern.matches(target.get("name").asText(),
                        resource.path("metadata").path("name").asText()))
                && (!target.has("namespace") || Pattern.matches(target.get("namespace").asText(),
                        resource.path("metadata").path("namespace").asText()));
    }

    private static boolean sameResource(JsonNode resource, JsonNode patch) {
        String group = groupOf(patch.path("apiVersion").asText());
        return groupOf(resource.path("apiVersion").asText()).equals(group)
                && resource.path("kind").asText().equals(patch.path("kind").asText())
                && resource.path("metadata").path("name").asText().equals(patch.path("metadata").path("name").asText())
                && (!patch.path("metadata").has("namespace") || patch.path("metadata").path("namespace").asText()
                        .equals(resource.path("metadata").path("namespace").asText()));
    }

    private static String groupOf(String apiVersion) {
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    /** Kubernetes' own API groups, whose lists kustomize merges by key in a strategic-merge patch. */
    static boolean builtIn(JsonNode resource) {
        String group = groupOf(resource.path("apiVersion").asText());
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static void merge(ObjectNode target, ObjectNode patch, boolean builtIn, String origin) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new UnsupportedOperationException(origin + ": the directive " + name + " is not supported");
            }
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && target.path(name).isObject()) {
                merge((ObjectNode) target.get(name), (ObjectNode) value, builtIn, origin);
            } else if (value.isArray() && builtIn) {
                throw new UnsupportedOperationException(origin + ": a list ('" + name + "') in a strategic-merge "
                        + "patch of a built-in kind is merged by key by kustomize; use a JSON 6902 patch");
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static ObjectNode metadata(ObjectNode resource) {
        return resource.has("metadata") ? (ObjectNode) resource.get("metadata") : resource.putObject("metadata");
    }

    private static void require(boolean condition, Path file, String field) {
        if (!condition) {
            throw new IllegalArgumentException(file + ": unexpected " + field);
        }
    }

    /** RFC 6902 add, remove and replace, on JSON Pointer paths (RFC 6901). */
    static final class Json6902 {

        private Json6902() {
        }

        static void apply(ObjectNode document, JsonNode operation, String origin) {
            String op = operation.path("op").asText();
            List<String> path = pointer(operation.path("path").asText(), origin);
            if (path.isEmpty()) {
                throw new UnsupportedOperationException(origin + ": an operation on the whole document");
            }
            JsonNode parent = document;
            for (String token : path.subList(0, path.size() - 1)) {
                parent = parent.isArray() ? parent.path(index(token, parent, false, origin)) : parent.path(token);
                if (parent.isMissingNode()) {
                    throw new IllegalArgumentException(origin + ": " + operation.path("path").asText() + " does not exist");
                }
            }
            String last = path.get(path.size() - 1);
            switch (op) {
                case "add" -> {
                    JsonNode value = required(operation, origin).deepCopy();
                    if (parent instanceof ArrayNode array) {
                        if (last.equals("-")) {
                            array.add(value);
                        } else {
                            array.insert(index(last, array, true, origin), value);
                        }
                    } else {
                        ((ObjectNode) parent).set(last, value);
                    }
                }
                case "replace", "remove" -> {
                    boolean exists = parent instanceof ArrayNode array
                            ? index(last, array, false, origin) < array.size() : parent.has(last);
                    if (!exists) {
                        throw new IllegalArgumentException(origin + ": " + op + " of " + operation.path("path").asText()
                                + ", which does not exist");
                    }
                    if (op.equals("remove")) {
                        if (parent instanceof ArrayNode array) {
                            array.remove(index(last, array, false, origin));
                        } else {
                            ((ObjectNode) parent).remove(last);
                        }
                    } else if (parent instanceof ArrayNode array) {
                        array.set(index(last, array, false, origin), required(operation, origin).deepCopy());
                    } else {
                        ((ObjectNode) parent).set(last, required(operation, origin).deepCopy());
                    }
                }
                default -> throw new UnsupportedOperationException(origin + ": op '" + op + "' is not supported");
            }
        }

        private static JsonNode required(JsonNode operation, String origin) {
            if (!operation.has("value")) {
                throw new IllegalArgumentException(origin + ": " + operation + " has no value");
            }
            JsonNode value = operation.get("value");
            return value.isNull() ? JsonNodeFactory.instance.nullNode() : value;
        }

        private static int index(String token, JsonNode array, boolean mayBeSize, String origin) {
            if (!token.matches("0|[1-9][0-9]*")) {
                throw new IllegalArgumentException(origin + ": '" + token + "' is not an array index");
            }
            int index = Integer.parseInt(token);
            if (index > array.size() || (!mayBeSize && index == array.size())) {
                throw new IllegalArgumentException(origin + ": index " + index + " is out of bounds");
            }
            return index;
        }

        static List<String> pointer(String pointer, String origin) {
            if (pointer.isEmpty()) {
                return List.of();
            }
            if (!pointer.startsWith("/")) {
                throw new IllegalArgumentException(origin + ": '" + pointer + "' is not a JSON Pointer");
            }
            List<String> tokens = new ArrayList<>();
            for (String token : pointer.substring(1).split("/", -1)) {
                tokens.add(token.replace("~1", "/").replace("~0", "~"));
            }
            return tokens;
        }
    }
}
