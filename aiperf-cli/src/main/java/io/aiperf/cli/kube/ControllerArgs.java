package io.aiperf.cli.kube;

import io.aiperf.cli.AiperfCommandLine;
import io.aiperf.cli.ProfileInvocation;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.Secrets;
import io.aiperf.core.error.UsageException;
import picocli.CommandLine;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The controller pod's {@code aiperf profile} arguments, made from the user's: checked by the real {@code profile}
 * model (so a bad option fails at render time, not in the cluster), without the credentials, with the scale-out
 * options added ({@code --zmq-host 0.0.0.0 --zmq-port BASE --remote-workers N --workers-max 0 --artifact-dir …}).
 * Those are added as text: the profile model may not know the scale-out options, and it never needs to here.
 */
final class ControllerArgs {

    /** Options render itself sets; after {@code --} they are refused with what to do instead. */
    private static final Map<String, String> SET_BY_RENDER = Map.of(
            "--zmq-port", "give it to kube render before '--' (it sets the controller's and the workers' port)",
            "--remote-workers", "kube render sets it from --workers",
            "--remote-workers-join-timeout", "give it to kube render before '--', which passes it on");

    private static final Set<String> WORKERS_MAX = Set.of("--workers-max", "--max-workers");
    private static final String API_KEY = "--api-key";
    private static final String BIND_ALL = "0.0.0.0";

    /** A reference Kubernetes expands in a container's arguments: {@code $(VAR)}. */
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    /**
     * @param args          the controller container's arguments after {@code profile}, ready for the manifest
     *                      ({@code $} escaped as Kubernetes wants, except the declared {@code $(VAR)} references)
     * @param apiKeyDropped whether the user's {@code --api-key} value was left out for {@code --api-key-secret}
     */
    record Rendered(List<String> args, boolean apiKeyDropped) {
    }

    private ControllerArgs() {
    }

    static Rendered of(List<String> profileArgs, KubeRun run) {
        List<String> args = new ArrayList<>();
        boolean apiKeyGiven = false;
        String apiKey = null;
        for (int i = 0; i < profileArgs.size(); i++) {
            String arg = profileArgs.get(i);
            String option = optionName(arg);
            if (SET_BY_RENDER.containsKey(option)) {
                throw new UsageException(option + " after '--': " + SET_BY_RENDER.get(option));
            }
            boolean inline = arg.contains("=");
            if (WORKERS_MAX.contains(option)) {
                String value = inline ? arg.substring(arg.indexOf('=') + 1) : valueAfter(profileArgs, i, option);
                if (!value.strip().matches("0+")) {
                    throw new UsageException(option + " " + value + ": the controller pod runs no workers of its own "
                            + "(kube render adds --workers-max 0; the --workers pods do the work)");
                }
                i += inline ? 0 : 1;
            } else if (API_KEY.equals(option)) {
                if (run.apiKeySecret() == null) {
                    throw new UsageException("--api-key would write the key into the manifests: put it in a Secret "
                            + "(kubectl create secret generic NAME --from-literal=" + KubeRun.API_KEY_SECRET_KEY
                            + "=…) and give kube render --api-key-secret NAME instead");
                }
                apiKeyGiven = true;
                apiKey = inline ? arg.substring(arg.indexOf('=') + 1) : valueAfter(profileArgs, i, option);
                i += inline ? 0 : 1;
            } else {
                args.add(arg);
            }
        }
        BenchmarkConfig config;
        try {
            config = ProfileInvocation.check(args);
        } catch (UsageException e) {
            throw new UsageException("aiperf profile arguments: " + e.getMessage());
        }
        CommandLine.ParseResult profile = AiperfCommandLine.create(null, null)
                .parseArgs(withProfile(args)).subcommand();
        Set<String> declared = run.secretEnvs().stream().map(SecretEnv::variable).collect(Collectors.toSet());
        checkForTheCluster(profile, config, declared);

        List<String> rendered = new ArrayList<>();
        for (String arg : args) {
            if (apiKey != null && apiKey.strip().length() >= Secrets.MIN_MASKED_CHARS && arg.contains(apiKey.strip())) {
                throw new UsageException("the --api-key value appears in another profile argument too: it would be "
                        + "written into the manifests");
            }
            rendered.add(escapeForKubernetes(arg, declared));
        }
        if (!profile.hasMatchedOption("--zmq-host")) {
            rendered.addAll(List.of("--zmq-host", BIND_ALL));
        }
        rendered.addAll(List.of("--zmq-port", Integer.toString(run.zmqBasePort()),
                "--remote-workers", Integer.toString(run.workers())));
        if (run.remoteWorkersTimeoutS() != null) {
            rendered.addAll(List.of("--remote-workers-join-timeout", Integer.toString(run.remoteWorkersTimeoutS())));
        }
        rendered.addAll(List.of("--workers-max", "0"));
        if (!profile.hasMatchedOption("--artifact-dir")) {
            Path defaultDir = Path.of(config.output().artifactDir()).getFileName();
            rendered.addAll(List.of("--artifact-dir", AiperfImage.ARTIFACTS_DIR + "/" + defaultDir));
        }
        return new Rendered(List.copyOf(rendered), apiKeyGiven);
    }

    /** What works on one machine but not across pods, or would put a credential into the manifests. */
    private static void checkForTheCluster(CommandLine.ParseResult profile, BenchmarkConfig config,
                                           Set<String> declared) {
        String zmqHost = profile.matchedOptionValue("--zmq-host", null);
        if (zmqHost != null && !BIND_ALL.equals(zmqHost.strip())) {
            throw new UsageException("--zmq-host " + zmqHost + ": the controller pod must bind " + BIND_ALL
                    + " for the worker pods to reach it (leave --zmq-host out)");
        }
        if (profile.hasMatchedOption("--mock-server")) {
            throw new UsageException("--mock-server would listen inside the controller pod, out of the worker pods' "
                    + "reach: run the mock server as its own pod and Service and give its address with --url");
        }
        String artifactDir = profile.matchedOptionValue("--artifact-dir", null);
        if (artifactDir != null && Path.of(artifactDir).isAbsolute()
                && !Path.of(artifactDir).normalize().startsWith(AiperfImage.ARTIFACTS_DIR)) {
            throw new UsageException("--artifact-dir " + artifactDir + ": the controller pod keeps its artifacts on "
                    + "the volume at " + AiperfImage.ARTIFACTS_DIR + "; give a path under it or a relative one");
        }
        for (String url : config.endpoint().urls()) {
            if (isLoopback(url)) {
                throw new UsageException("--url " + url + ": in the cluster that is each worker pod's own loopback; "
                        + "give the server's address as pods reach it (e.g. --url http://vllm.NAMESPACE.svc:8000)");
            }
        }
        Secrets secrets = Secrets.of(config.endpoint());
        config.endpoint().headers().forEach((name, value) -> {
            if (secrets.isSecretHeader(name) && !isDeclaredReference(value, declared)) {
                throw new UsageException("--header " + name + ": its value would be written into the manifests: put "
                        + "it in a Secret, give kube render --secret-env VAR=SECRET:KEY and the header as -H '"
                        + name + ":$(VAR)'" + (name.equalsIgnoreCase("authorization")
                        ? " (for a Bearer key: --api-key-secret)" : ""));
            }
        });
    }

    /** The whole value, or its credential after a scheme ({@code Bearer $(VAR)}), is one declared reference. */
    private static boolean isDeclaredReference(String value, Set<String> declared) {
        String credential = value.strip();
        int space = credential.lastIndexOf(' ');
        Matcher m = VARIABLE_REFERENCE.matcher(space < 0 ? credential : credential.substring(space + 1));
        return m.matches() && declared.contains(m.group(1));
    }

    /**
     * Kubernetes expands {@code $(VAR)} in a container's arguments and turns {@code $$} into {@code $}: every
     * {@code $} is doubled so the argument reaches aiperf as typed, except the references to declared
     * {@code --secret-env} variables, which are meant to be expanded.
     */
    static String escapeForKubernetes(String arg, Set<String> declared) {
        StringBuilder out = new StringBuilder();
        Matcher m = VARIABLE_REFERENCE.matcher(arg);
        int last = 0;
        while (m.find()) {
            out.append(arg.substring(last, m.start()).replace("$", "$$"));
            out.append(declared.contains(m.group(1)) ? m.group() : m.group().replace("$", "$$"));
            last = m.end();
        }
        return out.append(arg.substring(last).replace("$", "$$")).toString();
    }

    private static boolean isLoopback(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("[::1]")
                || h.equals("::1") || h.equals(BIND_ALL);
    }

    /** {@code --name} of {@code --name} or {@code --name=value}; the argument itself otherwise. */
    private static String optionName(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
    }

    private static String valueAfter(List<String> args, int i, String option) {
        if (i + 1 >= args.size()) {
            throw new UsageException("aiperf profile arguments: " + option + " needs a value");
        }
        return args.get(i + 1);
    }

    private static String[] withProfile(List<String> args) {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add("profile");
        argv.addAll(args);
        return argv.toArray(String[]::new);
    }
}
