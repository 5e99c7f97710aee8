package io.aiperf.cli.kube;

import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code aiperf kube render [options] -- PROFILE_ARGS…}: the manifests of an {@code aiperf profile} run whose workers
 * are pods. Nothing is started or contacted; the profile arguments are checked by {@code aiperf profile}'s model.
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write the Kubernetes manifests of an aiperf profile run with worker pods.",
        description = {"Turns 'aiperf profile PROFILE_ARGS' into multi-document YAML for kubectl apply -f: a "
                + "controller Pod (running the profile with --zmq-host 0.0.0.0 --zmq-port BASE --remote-workers N "
                + "--workers-max 0 and its artifacts under /artifacts), a Service for its bus ports BASE..BASE+2, an "
                + "Indexed Job of N worker pods (aiperf worker --controller SERVICE:BASE) and a NetworkPolicy that "
                + "lets only those pods reach the bus.",
                "Credentials never enter the manifests: --api-key is refused (or left out with --api-key-secret), "
                + "and a secret -H header must read $(VAR) of a --secret-env variable.",
                "Example: aiperf kube render --workers 4 --api-key-secret llm-key -- -m my-model --url "
                + "http://vllm.default.svc:8000 --streaming --concurrency 256 --request-count 10000 | kubectl apply "
                + "-f -   (docs/kubernetes.md)"})
public final class KubeRenderCommand implements Callable<Integer> {

    private static final int DEFAULT_ZMQ_BASE_PORT = 5564;

    @Spec
    CommandSpec spec;

    @Option(names = "--workers", required = true, paramLabel = "N",
            description = "Worker pods (the controller's --remote-workers), at least 1.")
    int workers;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = AiperfImage.DEFAULT_IMAGE,
            description = "The image built from aiperf-cli/Dockerfile (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "aiperf",
            description = "Prefix of the objects' names: NAME-controller, NAME-workers, NAME-bus; a DNS-1123 label, "
                    + "a letter first, at most " + KubeValues.MAX_NAME_LENGTH + " characters (default: "
                    + "${DEFAULT-VALUE}).")
    String name;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "The objects' namespace (default: kubectl's current one).")
    String namespace;

    @Option(names = "--zmq-port", paramLabel = "BASE", defaultValue = "" + DEFAULT_ZMQ_BASE_PORT,
            description = "The controller's bus ports: credits on BASE, events on BASE+1, records on BASE+2 "
                    + "(default: ${DEFAULT-VALUE}).")
    int zmqBasePort;

    @Option(names = "--remote-workers-join-timeout", paramLabel = "SECONDS",
            description = "How long the controller waits for the worker pods to join (default: the controller's, "
                    + "600 s).")
    Integer remoteWorkersTimeoutS;

    @Option(names = "--worker-cpu", paramLabel = "CPU", defaultValue = "1",
            description = "CPU request of each worker pod; no CPU limit, so throttling does not pass for server "
                    + "latency (default: ${DEFAULT-VALUE}).")
    String workerCpu;

    @Option(names = "--worker-memory", paramLabel = "MEM", defaultValue = "1Gi",
            description = "Memory request and limit of each worker pod (default: ${DEFAULT-VALUE}).")
    String workerMemory;

    @Option(names = "--controller-cpu", paramLabel = "CPU", defaultValue = "1",
            description = "CPU request of the controller (default: ${DEFAULT-VALUE}).")
    String controllerCpu;

    @Option(names = "--controller-memory", paramLabel = "MEM", defaultValue = "2Gi",
            description = "Memory request and limit of the controller, which computes the metrics "
                    + "(default: ${DEFAULT-VALUE}).")
    String controllerMemory;

    @Option(names = "--api-key-secret", paramLabel = "SECRET",
            description = "The Secret whose key " + KubeRun.API_KEY_SECRET_KEY + " is the API key, read by the "
                    + "controller as $" + KubeRun.API_KEY_SECRET_KEY + " (kubectl create secret generic SECRET "
                    + "--from-literal=" + KubeRun.API_KEY_SECRET_KEY + "=…). A --api-key after '--' is then left out.")
    String apiKeySecret;

    @Option(names = "--secret-env", paramLabel = "VAR=SECRET:KEY",
            description = "Give the controller $VAR from key KEY of Secret SECRET, so a profile argument can say "
                    + "$(VAR), e.g. -H 'X-Api-Key:$(VAR)'; repeatable.")
    List<String> secretEnvs = new ArrayList<>();

    @Option(names = "--artifacts-pvc", paramLabel = "CLAIM",
            description = "Write the artifacts to this PersistentVolumeClaim (its own) instead of a volume in the "
                    + "controller pod that a waiting container keeps for kubectl cp.")
    String artifactsClaim;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the manifests to FILE instead of standard output.")
    Path output;

    @Parameters(paramLabel = "PROFILE_ARGS", description = "After '--': the aiperf profile arguments.")
    List<String> profileArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        KubeRun run = run();
        ControllerArgs.Rendered controller = ControllerArgs.of(profileArgs, run);
        String yaml = ManifestYaml.write(ClusterManifests.of(run, controller.args()));
        if (output != null) {
            Files.writeString(output, yaml, StandardCharsets.UTF_8);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(yaml);
            out.flush();
        }
        if (controller.apiKeyDropped()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("aiperf: note: --api-key left out of the manifests: the controller reads "
                    + KubeRun.API_KEY_SECRET_KEY + " from Secret " + apiKeySecret + " (kubectl create secret generic "
                    + apiKeySecret + " --from-literal=" + KubeRun.API_KEY_SECRET_KEY + "=…)");
            err.flush();
        }
        return 0;
    }

    private KubeRun run() {
        if (workers < 1) {
            throw new UsageException("--workers " + workers + ": expected at least 1 worker pod");
        }
        if (zmqBasePort < 1 || zmqBasePort > 65533) {
            throw new UsageException("--zmq-port " + zmqBasePort + ": expected 1 to 65533 (the bus uses it and the "
                    + "next two ports)");
        }
        if (remoteWorkersTimeoutS != null && remoteWorkersTimeoutS < 1) {
            throw new UsageException("--remote-workers-join-timeout " + remoteWorkersTimeoutS + ": expected at least 1 "
                    + "second");
        }
        if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("--image '" + image + "': expected an image reference such as "
                    + AiperfImage.DEFAULT_IMAGE);
        }
        List<SecretEnv> secrets = new ArrayList<>();
        for (String value : secretEnvs) {
            SecretEnv secret = SecretEnv.parse(value);
            if (secret.variable().equals(KubeRun.API_KEY_SECRET_KEY) && apiKeySecret != null
                    || secrets.stream().anyMatch(s -> s.variable().equals(secret.variable()))) {
                throw new UsageException("--secret-env " + secret.variable() + ": that variable is given twice");
            }
            secrets.add(secret);
        }
        return new KubeRun(KubeValues.namePrefix("--name", name),
                namespace == null ? null : KubeValues.namespace("--namespace", namespace), image, workers,
                zmqBasePort, remoteWorkersTimeoutS,
                new KubeRun.Resources(KubeValues.quantity("--worker-cpu", workerCpu),
                        KubeValues.quantity("--worker-memory", workerMemory)),
                new KubeRun.Resources(KubeValues.quantity("--controller-cpu", controllerCpu),
                        KubeValues.quantity("--controller-memory", controllerMemory)),
                apiKeySecret == null ? null : KubeValues.objectName("--api-key-secret", apiKeySecret), secrets,
                artifactsClaim == null ? null : KubeValues.objectName("--artifacts-pvc", artifactsClaim));
    }
}
