package io.aiperf.cli.options;

import io.aiperf.cli.ProfileCommand;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.error.UsageException;
import org.assertj.core.api.AbstractThrowableAssert;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parses arguments exactly as {@code aiperf profile} does and resolves them (stdout not a TTY). */
final class Cli {

    private Cli() {
    }

    static BenchmarkConfig resolve(String... args) {
        return resolve(2, args);
    }

    static BenchmarkConfig resolve(int cpus, String... args) {
        ProfileCommand command = new ProfileCommand();
        CommandLine cl = new CommandLine(command);
        cl.parseArgs(args);
        return ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(), command.loadOptions(),
                command.outputOptions(), List.of(args), false, cpus, null);
    }

    /** {@code -m m} followed by {@code args}. */
    static BenchmarkConfig m(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-m";
        all[1] = "m";
        System.arraycopy(args, 0, all, 2, args.length);
        return resolve(all);
    }

    /** Asserts that {@code -m m args} is a usage error (exit 2) and returns the assertion on it. */
    static AbstractThrowableAssert<?, ? extends Throwable> rejects(String... args) {
        return assertThatThrownBy(() -> m(args)).isInstanceOf(UsageException.class);
    }

    /** The run directory's own name. */
    static String runDir(BenchmarkConfig c) {
        return java.nio.file.Path.of(c.output().artifactDir()).getFileName().toString();
    }
}
