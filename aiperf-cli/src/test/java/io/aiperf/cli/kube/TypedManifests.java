package io.aiperf.cli.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * kube render's YAML read back as Kubernetes would: each document into fabric8's typed model of its kind, and a
 * field the model does not know is an error (fabric8 would keep it in {@code additionalProperties}; the API server
 * would drop or refuse it).
 */
record TypedManifests(List<JsonNode> trees, NetworkPolicy networkPolicy, Service service, Pod controller,
                      Job workers) {

    private static final JsonMapper FABRIC8 = JsonMapper.builder().build();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "NetworkPolicy", NetworkPolicy.class, "Service", Service.class, "Pod", Pod.class, "Job", Job.class);

    static TypedManifests parse(String yaml) throws Exception {
        List<JsonNode> trees = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode tree : trees) {
            Class<? extends HasMetadata> type = KINDS.get(tree.path("kind").asText());
            if (type == null) {
                throw new AssertionError("unexpected document kind: " + tree.path("kind"));
            }
            HasMetadata object = FABRIC8.readValue(new ObjectMapper().writeValueAsString(tree), type);
            List<String> unknown = new ArrayList<>();
            unknownFields(object, tree.path("kind").asText(), unknown, new IdentityHashMap<>());
            if (!unknown.isEmpty()) {
                throw new AssertionError("fields the Kubernetes model does not know: " + unknown);
            }
            objects.add(object);
        }
        if (objects.size() != 4) {
            throw new AssertionError("expected 4 documents, got " + objects.size());
        }
        return new TypedManifests(trees, (NetworkPolicy) objects.get(0), (Service) objects.get(1),
                (Pod) objects.get(2), (Job) objects.get(3));
    }

    /** Every fabric8 object's additionalProperties, at any depth, named by its path. */
    private static void unknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) field).keySet().forEach(k -> unknown.add(path + "." + k));
            } else {
                unknownFields(field, path + "." + getter.getName().substring(3), unknown, seen);
            }
        }
    }
}
