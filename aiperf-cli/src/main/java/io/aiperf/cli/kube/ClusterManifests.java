package io.aiperf.cli.kube;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects of one run across pods: a NetworkPolicy that lets only the worker pods reach the bus, the
 * controller's Service, the controller Pod, and the Indexed Job of worker pods. Plain maps in manifest order, for
 * {@link ManifestYaml}.
 */
final class ClusterManifests {

    /** The worker's index in its Indexed Job, read from the pod's annotation (for {@code $(WORKER_INDEX)}). */
    static final String WORKER_INDEX_ENV = "WORKER_INDEX";
    static final String CONTROLLER_CONTAINER = "aiperf";
    /** The container that keeps the controller pod running once the run ended, for {@code kubectl cp}. */
    static final String ARTIFACTS_CONTAINER = "artifacts";
    static final String WORKER_CONTAINER = "worker";

    private static final String ARTIFACTS_VOLUME = "artifacts";
    private static final Map<String, Object> WAITING_CONTAINER_RESOURCES = map(
            "requests", map("cpu", "10m", "memory", "16Mi"), "limits", map("memory", "64Mi"));

    private ClusterManifests() {
    }

    /** The four documents, in the order {@code kubectl apply} should create them. */
    static List<Map<String, Object>> of(KubeRun run, List<String> controllerProfileArgs) {
        return List.of(networkPolicy(run), service(run), controllerPod(run, controllerProfileArgs), workerJob(run));
    }

    static Map<String, Object> labels(KubeRun run, String component) {
        return map("app.kubernetes.io/name", "aiperf", "app.kubernetes.io/instance", run.name(),
                "app.kubernetes.io/component", component);
    }

    private static Map<String, Object> networkPolicy(KubeRun run) {
        List<Object> ports = new ArrayList<>();
        for (int i = 0; i < KubeRun.BUS_PORT_NAMES.size(); i++) {
            ports.add(map("protocol", "TCP", "port", run.zmqBasePort() + i));
        }
        // The bus has no authentication and carries the configuration, credentials included: only the run's own
        // worker pods may connect (where the cluster's network plugin enforces NetworkPolicies).
        return map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", metadata(run, run.name() + "-bus", labels(run, "controller")),
                "spec", map("podSelector", map("matchLabels", labels(run, "controller")),
                        "policyTypes", List.of("Ingress"),
                        "ingress", List.of(map("from", List.of(map("podSelector",
                                        map("matchLabels", labels(run, "worker")))),
                                "ports", ports))));
    }

    private static Map<String, Object> service(KubeRun run) {
        List<Object> ports = new ArrayList<>();
        for (int i = 0; i < KubeRun.BUS_PORT_NAMES.size(); i++) {
            int port = run.zmqBasePort() + i;
            ports.add(map("name", KubeRun.BUS_PORT_NAMES.get(i), "protocol", "TCP", "port", port,
                    "targetPort", port));
        }
        // A ClusterIP, not a headless Service: its name resolves as soon as it exists, so a worker pod that starts
        // before the controller's sockets are bound only retries its connection.
        return map("apiVersion", "v1", "kind", "Service",
                "metadata", metadata(run, run.controllerName(), labels(run, "controller")),
                "spec", map("type", "ClusterIP", "selector", labels(run, "controller"), "ports", ports));
    }

    private static Map<String, Object> controllerPod(KubeRun run, List<String> profileArgs) {
        List<Object> args = new ArrayList<>();
        args.add("profile");
        args.addAll(profileArgs);
        List<Object> env = new ArrayList<>();
        if (run.apiKeySecret() != null) {
            env.add(secretEnv(KubeRun.API_KEY_SECRET_KEY, run.apiKeySecret(), KubeRun.API_KEY_SECRET_KEY));
        }
        for (SecretEnv secret : run.secretEnvs()) {
            env.add(secretEnv(secret.variable(), secret.secretName(), secret.key()));
        }
        List<Object> ports = new ArrayList<>();
        for (int i = 0; i < KubeRun.BUS_PORT_NAMES.size(); i++) {
            ports.add(map("name", KubeRun.BUS_PORT_NAMES.get(i), "containerPort", run.zmqBasePort() + i,
                    "protocol", "TCP"));
        }
        Map<String, Object> controller = map("name", CONTROLLER_CONTAINER, "image", run.image(), "args", args,
                "workingDir", AiperfImage.ARTIFACTS_DIR);
        if (!env.isEmpty()) {
            controller.put("env", env);
        }
        controller.put("ports", ports);
        controller.put("resources", resources(run.controllerResources()));
        controller.put("securityContext", containerSecurity());
        controller.put("volumeMounts", List.of(artifactsMount()));
        List<Object> containers = new ArrayList<>();
        containers.add(controller);
        Map<String, Object> volume;
        if (run.artifactsClaim() != null) {
            volume = map("name", ARTIFACTS_VOLUME, "persistentVolumeClaim", map("claimName", run.artifactsClaim()));
        } else {
            // kubectl cp needs a running container (with tar): this one waits on the artifacts volume after the
            // run's container has exited, until the user deletes the pod.
            containers.add(map("name", ARTIFACTS_CONTAINER, "image", run.image(),
                    "command", List.of("sleep", "infinity"), "resources", WAITING_CONTAINER_RESOURCES,
                    "securityContext", containerSecurity(), "volumeMounts", List.of(artifactsMount())));
            volume = map("name", ARTIFACTS_VOLUME, "emptyDir", map());
        }
        return map("apiVersion", "v1", "kind", "Pod",
                "metadata", metadata(run, run.controllerName(), labels(run, "controller")),
                "spec", map("restartPolicy", "Never", "securityContext", podSecurity(),
                        "containers", containers, "volumes", List.of(volume)));
    }

    private static Map<String, Object> workerJob(KubeRun run) {
        List<Object> args = List.of("worker", "--controller", run.controllerHost() + ":" + run.zmqBasePort(),
                "--id", run.name() + "-worker-$(" + WORKER_INDEX_ENV + ")");
        Map<String, Object> worker = map("name", WORKER_CONTAINER, "image", run.image(), "args", args,
                "env", List.of(map("name", WORKER_INDEX_ENV, "valueFrom", map("fieldRef", map("fieldPath",
                        "metadata.annotations['batch.kubernetes.io/job-completion-index']")))),
                "resources", resources(run.workerResources()), "securityContext", containerSecurity());
        // A worker that fails (refused, or the controller lost) is not retried: the run it served is over.
        return map("apiVersion", "batch/v1", "kind", "Job",
                "metadata", metadata(run, run.workersName(), labels(run, "worker")),
                "spec", map("completionMode", "Indexed", "completions", run.workers(), "parallelism", run.workers(),
                        "backoffLimit", 0,
                        "template", map("metadata", map("labels", labels(run, "worker")),
                                "spec", map("restartPolicy", "Never", "securityContext", podSecurity(),
                                        "containers", List.of(worker)))));
    }

    private static Map<String, Object> metadata(KubeRun run, String name, Map<String, Object> labels) {
        Map<String, Object> metadata = map("name", name);
        if (run.namespace() != null) {
            metadata.put("namespace", run.namespace());
        }
        metadata.put("labels", labels);
        return metadata;
    }

    private static Map<String, Object> secretEnv(String variable, String secret, String key) {
        return map("name", variable, "valueFrom", map("secretKeyRef", map("name", secret, "key", key)));
    }

    /** No CPU limit: throttling would show up as the server's latency in the measurements. */
    private static Map<String, Object> resources(KubeRun.Resources resources) {
        return map("requests", map("cpu", resources.cpu(), "memory", resources.memory()),
                "limits", map("memory", resources.memory()));
    }

    private static Map<String, Object> podSecurity() {
        return map("runAsNonRoot", true, "runAsUser", AiperfImage.UID, "runAsGroup", AiperfImage.UID,
                "fsGroup", AiperfImage.UID, "seccompProfile", map("type", "RuntimeDefault"));
    }

    private static Map<String, Object> containerSecurity() {
        return map("allowPrivilegeEscalation", false, "capabilities", map("drop", List.of("ALL")));
    }

    private static Map<String, Object> artifactsMount() {
        return map("name", ARTIFACTS_VOLUME, "mountPath", AiperfImage.ARTIFACTS_DIR);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
