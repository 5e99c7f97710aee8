package io.aiperf.cli.kube;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aiperf kube}: the Kubernetes path of a run across pods (docs/kubernetes.md). */
@Command(name = "kube", mixinStandardHelpOptions = true,
        header = "Run aiperf profile on Kubernetes: a controller pod and a Job of worker pods.",
        description = "See 'aiperf kube render --help' and docs/kubernetes.md.",
        subcommands = KubeRenderCommand.class)
public final class KubeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'aiperf kube render')");
    }
}
