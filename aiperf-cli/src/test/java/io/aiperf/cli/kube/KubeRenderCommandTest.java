package io.aiperf.cli.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.cli.AiperfMain;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeRenderCommandTest {

    private static final String KEY = "sk-live-4f9a1c2b7e";
    private static final String URL = "http://vllm.llm.svc:8000";
    /** The user's profile arguments, less the key: what the controller must run, in order. */
    private static final List<String> PROFILE = List.of("-m", "my-model", "--url", URL, "--streaming",
            "--concurrency", "64", "--request-count", "500", "--extra-inputs", "note:two words, one 'quote'");

    record Result(int code, String out, String err) {
    }

    static Result render(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> argv = new ArrayList<>(List.of("kube", "render"));
        argv.addAll(args);
        int code = AiperfMain.execute(argv.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static Result renderTypical() {
        List<String> args = new ArrayList<>(List.of("--workers", "3", "--name", "bench", "--namespace", "perf",
                "--zmq-port", "6000", "--image", "registry.example/aiperf-jvm:7", "--api-key-secret", "llm-key",
                "--"));
        args.addAll(PROFILE);
        args.addAll(List.of("--api-key", KEY));
        return render(args);
    }

    @Test
    void theWorkersReachTheControllerThroughItsService() throws Exception {
        Result r = renderTypical();
        assertThat(r.code()).as(r.err()).isZero();
        TypedManifests m = TypedManifests.parse(r.out());

        var podLabels = m.controller().getMetadata().getLabels();
        assertThat(m.service().getSpec().getSelector()).isEqualTo(podLabels);
        assertThat(m.service().getMetadata().getNamespace()).isEqualTo("perf");
        assertThat(m.service().getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(6000, 6001, 6002);
        assertThat(m.service().getSpec().getPorts()).allSatisfy(p ->
                assertThat(p.getTargetPort().getIntVal()).isEqualTo(p.getPort()));
        Container controller = container(m.controller().getSpec(), ClusterManifests.CONTROLLER_CONTAINER);
        assertThat(controller.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(6000, 6001, 6002);
        List<String> args = controller.getArgs();
        assertThat(valueOf(args, "--zmq-port")).isEqualTo("6000");
        assertThat(valueOf(args, "--zmq-host")).isEqualTo("0.0.0.0");
        assertThat(valueOf(args, "--workers-max")).isEqualTo("0");

        String serviceHost = m.service().getMetadata().getName() + ".perf.svc";
        Container worker = container(m.workers().getSpec().getTemplate().getSpec(), ClusterManifests.WORKER_CONTAINER);
        assertThat(worker.getArgs()).startsWith("worker", "--controller", serviceHost + ":6000");
        assertThat(valueOf(worker.getArgs(), "--id")).isEqualTo("bench-worker-$(WORKER_INDEX)");
        assertThat(worker.getEnv()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("WORKER_INDEX");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        });

        // Only the worker pods may open the bus.
        var policy = m.networkPolicy().getSpec();
        assertThat(policy.getPodSelector().getMatchLabels()).isEqualTo(podLabels);
        assertThat(policy.getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).singleElement().satisfies(peer -> assertThat(peer.getPodSelector()
                    .getMatchLabels()).isEqualTo(m.workers().getSpec().getTemplate().getMetadata().getLabels()));
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(6000, 6001, 6002);
        });
    }

    @Test
    void theJobRunsOneWorkerPodPerRemoteWorkerAtOnce() throws Exception {
        TypedManifests m = TypedManifests.parse(renderTypical().out());
        JobSpec job = m.workers().getSpec();
        assertThat(job.getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getCompletions()).isEqualTo(3);
        assertThat(job.getParallelism()).isEqualTo(3);
        assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        List<String> args = container(m.controller().getSpec(), ClusterManifests.CONTROLLER_CONTAINER).getArgs();
        assertThat(valueOf(args, "--remote-workers")).isEqualTo("3");
        assertThat(m.controller().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void theProfileArgumentsReachTheControllerAsTypedWithoutTheKey() throws Exception {
        Result r = renderTypical();
        TypedManifests m = TypedManifests.parse(r.out());
        List<String> args = container(m.controller().getSpec(), ClusterManifests.CONTROLLER_CONTAINER).getArgs();
        assertThat(args.get(0)).isEqualTo("profile");
        assertThat(args.subList(1, 1 + PROFILE.size())).isEqualTo(PROFILE);
        assertThat(args.subList(1 + PROFILE.size(), args.size())).containsExactly("--zmq-host", "0.0.0.0",
                "--zmq-port", "6000", "--remote-workers", "3", "--workers-max", "0",
                "--artifact-dir", "/artifacts/my-model-openai-chat-concurrency64");

        assertThat(r.out()).doesNotContain(KEY).doesNotContain("--api-key");
        assertThat(r.err()).doesNotContain(KEY).contains("--api-key left out of the manifests");
        Container controller = container(m.controller().getSpec(), ClusterManifests.CONTROLLER_CONTAINER);
        assertThat(controller.getEnv()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("OPENAI_API_KEY");
            assertThat(e.getValue()).isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("llm-key");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(KubeRun.API_KEY_SECRET_KEY);
        });
        // Kubernetes reads an unquoted 64 as a number, and a Pod whose args hold one is refused.
        for (JsonNode arg : m.trees().get(2).at("/spec/containers/0/args")) {
            assertThat(arg.isTextual()).as("args item %s is a YAML string", arg).isTrue();
        }
    }

    @Test
    void everyPodRunsTheImageAsItsNonRootUser() throws Exception {
        TypedManifests m = TypedManifests.parse(renderTypical().out());
        for (PodSpec pod : List.of(m.controller().getSpec(), m.workers().getSpec().getTemplate().getSpec())) {
            PodSecurityContext security = pod.getSecurityContext();
            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getRunAsUser()).isEqualTo(AiperfImage.UID);
            assertThat(security.getRunAsGroup()).isEqualTo(AiperfImage.UID);
            for (Container c : pod.getContainers()) {
                assertThat(c.getImage()).as(c.getName()).isEqualTo("registry.example/aiperf-jvm:7");
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
            }
        }
        PodSpec worker = m.workers().getSpec().getTemplate().getSpec();
        assertThat(worker.getContainers().get(0).getResources().getRequests().get("cpu")).isEqualTo(new Quantity("1"));
    }

    @Test
    void theArtifactsWaitInThePodForKubectlCp() throws Exception {
        TypedManifests m = TypedManifests.parse(renderTypical().out());
        PodSpec pod = m.controller().getSpec();
        assertThat(pod.getVolumes()).singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        Container waiting = container(pod, ClusterManifests.ARTIFACTS_CONTAINER);
        assertThat(waiting.getCommand()).containsExactly("sleep", "infinity");
        for (Container c : pod.getContainers()) {
            assertThat(c.getVolumeMounts()).singleElement().satisfies(mount -> {
                assertThat(mount.getName()).isEqualTo(pod.getVolumes().get(0).getName());
                assertThat(mount.getMountPath()).isEqualTo(AiperfImage.ARTIFACTS_DIR);
            });
        }
    }

    @Test
    void withAClaimTheArtifactsGoToItAndThePodEnds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.yaml");
        Result r = render(List.of("--workers", "1", "--artifacts-pvc", "aiperf-results", "-o", file.toString(),
                "--", "-m", "m", "--url", URL, "--artifact-dir", "runs/one"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        TypedManifests m = TypedManifests.parse(Files.readString(file));
        PodSpec pod = m.controller().getSpec();
        assertThat(pod.getContainers()).extracting(Container::getName)
                .containsExactly(ClusterManifests.CONTROLLER_CONTAINER);
        assertThat(pod.getVolumes()).singleElement().satisfies(v ->
                assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("aiperf-results"));
        Container controller = pod.getContainers().get(0);
        assertThat(controller.getWorkingDir()).isEqualTo(AiperfImage.ARTIFACTS_DIR);
        assertThat(valueOf(controller.getArgs(), "--artifact-dir")).isEqualTo("runs/one");
        assertThat(controller.getArgs()).containsOnlyOnce("--artifact-dir");
        assertThat(controller.getEnv()).isNullOrEmpty();
        // No namespace given: the objects go to kubectl's current one, which the short Service name resolves in.
        assertThat(m.service().getMetadata().getNamespace()).isNull();
        assertThat(container(m.workers().getSpec().getTemplate().getSpec(), ClusterManifests.WORKER_CONTAINER)
                .getArgs()).contains("aiperf-controller:5564");
    }

    @Test
    void aSecretHeaderComesFromASecretAndOtherDollarsStayLiteral() throws Exception {
        Result r = render(List.of("--workers", "2", "--secret-env", "GATEWAY_TOKEN=gateway:token", "--",
                "-m", "m", "--url", URL, "-H", "X-Api-Key:$(GATEWAY_TOKEN)", "X-Trace:$(HOSTNAME) costs $5"));
        assertThat(r.code()).as(r.err()).isZero();
        Container controller = container(TypedManifests.parse(r.out()).controller().getSpec(),
                ClusterManifests.CONTROLLER_CONTAINER);
        // Kubernetes expands $(VAR) in args and reads $$ as $: the declared reference is expanded, the rest not.
        assertThat(controller.getArgs()).containsSequence("-H", "X-Api-Key:$(GATEWAY_TOKEN)",
                "X-Trace:$$(HOSTNAME) costs $$5");
        assertThat(controller.getEnv()).extracting(EnvVar::getName).containsExactly("GATEWAY_TOKEN");
        assertThat(controller.getEnv().get(0).getValueFrom().getSecretKeyRef().getName()).isEqualTo("gateway");
        assertThat(controller.getEnv().get(0).getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad name              | --workers 2 --name Bench_1 -- -m m --url URL                | --name 'Bench_1': expected lower-case letters
            name with a digit 1st | --workers 2 --name 1bench -- -m m --url URL                 | --name '1bench'
            no --workers          | -- -m m --url URL                                           | Missing required option: '--workers=N'
            no worker pods        | --workers 0 -- -m m --url URL                               | --workers 0: expected at least 1 worker pod
            port range            | --workers 1 --zmq-port 65534 -- -m m --url URL              | --zmq-port 65534: expected 1 to 65533
            bad quantity          | --workers 1 --worker-memory lots -- -m m --url URL          | --worker-memory 'lots': expected a Kubernetes quantity
            zero cpu              | --workers 1 --worker-cpu 0 -- -m m --url URL                | --worker-cpu '0'
            loopback bus          | --workers 2 -- -m m --url URL --zmq-host 127.0.0.1          | --zmq-host 127.0.0.1: the controller pod must bind 0.0.0.0
            bad profile option    | --workers 2 -- -m m --url URL --concurrancy 4               | aiperf profile arguments: Unknown option: '--concurrancy'
            bad profile value     | --workers 2 -- -m m --url URL --endpoint-type nope          | aiperf profile arguments: --endpoint-type
            no model              | --workers 2 -- --url URL                                    | aiperf profile arguments: missing required option: -m/--model-names
            key without Secret    | --workers 2 -- -m m --url URL --api-key KEY                 | --api-key would write the key into the manifests
            inline key            | --workers 2 -- -m m --url URL --api-key=KEY                 | give kube render --api-key-secret NAME instead
            literal auth header   | --workers 2 -- -m m --url URL -H 'Authorization: Bearer KEY' | --header Authorization: its value would be written into the manifests
            undeclared reference  | --workers 2 -- -m m --url URL -H 'X-Api-Key:$(TOKEN)'       | --header X-Api-Key: its value would be written
            named secret header   | --workers 2 -- -m m --url URL --secret-header X-Team -H X-Team:KEY | --header X-Team: its value
            local workers         | --workers 2 -- -m m --url URL --workers-max 4               | --workers-max 4: the controller pod runs no workers of its own
            remote workers        | --workers 2 -- -m m --url URL --remote-workers 2            | --remote-workers after '--': kube render sets it from --workers
            port after --         | --workers 2 -- -m m --url URL --zmq-port=7000               | --zmq-port after '--': give it to kube render before '--'
            in-pod mock           | --workers 2 -- -m m --mock-server                           | --mock-server would listen inside the controller pod
            default url           | --workers 2 -- -m m                                         | --url http://localhost:8000: in the cluster that is each worker pod's own loopback
            outside the volume    | --workers 2 -- -m m --url URL --artifact-dir /data/x        | --artifact-dir /data/x: the controller pod keeps its artifacts
            bad secret env        | --workers 2 --secret-env TOKEN=gateway -- -m m --url URL    | --secret-env 'TOKEN=gateway': expected VAR=SECRET:KEY
            unknown render option | --workers 2 --bogus -- -m m --url URL                       | Unknown option: '--bogus'
            """)
    void aMistakeIsOneLineAndExit2(String what, String args, String expected) {
        Result r = render(words(args.replace("URL", URL).replace("KEY", KEY)));
        assertThat(r.code()).as(what + ": " + r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("aiperf: error: ").contains(expected).endsWith("(see 'aiperf kube render --help')"));
        assertThat(r.err()).doesNotContain(KEY);
    }

    @Test
    void theModelCheckCatchesAFieldKubernetesDoesNotKnow() {
        String misspelt = renderTypical().out().replace("completionMode:", "completionMod:");
        assertThatThrownBy(() -> TypedManifests.parse(misspelt)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Job.Spec.completionMod");
    }

    @Test
    void aZeroWorkersMaxIsTakenAsGiven() throws Exception {
        Result r = render(List.of("--workers", "2", "--", "-m", "m", "--url", URL, "--workers-max", "0"));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> args = container(TypedManifests.parse(r.out()).controller().getSpec(),
                ClusterManifests.CONTROLLER_CONTAINER).getArgs();
        assertThat(args).containsOnlyOnce("--workers-max");
    }

    /** Splits like a shell: whitespace separates, single quotes group. */
    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : line.strip().toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }

    private static Container container(PodSpec pod, String name) {
        return pod.getContainers().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static String valueOf(List<String> args, String option) {
        int i = args.indexOf(option);
        assertThat(i).as(option + " in " + args).isNotNegative();
        return args.get(i + 1);
    }

}
