package io.aiperf.cli.options;

import io.aiperf.cli.ProfileCommand;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --export-level}, {@code --profile-export-prefix}, {@code --slice-duration}, {@code --export-http-trace} and
 * {@code --show-trace-timing}.
 */
class ExportOptionsTest {

    private static OutputConfig resolve(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "-m";
        args[1] = "m";
        System.arraycopy(extra, 0, args, 2, extra.length);
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(), command.loadOptions(),
                command.outputOptions(), List.of(args), false, 2, null).output();
    }

    @Test
    void defaultsAreRecordsLevelDefaultNamesNoSlices() {
        OutputConfig out = resolve();
        assertThat(out.exportLevel()).isEqualTo(ExportLevel.RECORDS);
        assertThat(out.exportPrefix()).isNull();
        assertThat(out.sliceDurationSeconds()).isNull();
        assertThat(out.raw()).isFalse();
    }

    @Test
    void levelsAndAlias() {
        assertThat(resolve("--export-level", "summary").exportLevel()).isEqualTo(ExportLevel.SUMMARY);
        assertThat(resolve("--profile-export-level", "RAW").exportLevel()).isEqualTo(ExportLevel.RAW);
        assertThat(resolve("--export-level", "raw").raw()).isTrue();
        assertThatThrownBy(() -> resolve("--export-level", "full")).isInstanceOf(UsageException.class)
                .hasMessage("--export-level 'full': expected summary, records or raw");
    }

    @Test
    void prefixKeepsTheBareNameWithoutKnownSuffixes() {
        assertThat(resolve("--profile-export-prefix", "foo").exportPrefix()).isEqualTo("foo");
        assertThat(resolve("--profile-export-prefix", "foo.json").exportPrefix()).isEqualTo("foo");
        assertThat(resolve("--profile-export-file", "foo.jsonl").exportPrefix()).isEqualTo("foo");
        assertThat(resolve("--profile-export-prefix", "foo.csv").exportPrefix()).isEqualTo("foo");
        assertThat(resolve("--profile-export-prefix", "/tmp/x/run.v2.json").exportPrefix()).isEqualTo("run.v2");
        assertThat(resolve("--profile-export-prefix", "sub/dir/bar").exportPrefix()).isEqualTo("bar");
        assertThatThrownBy(() -> resolve("--profile-export-prefix", ".json")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> resolve("--profile-export-prefix", "/")).isInstanceOf(UsageException.class)
                .hasMessageContaining("no file name left");
    }

    @Test
    void sliceDurationMustBePositive() {
        assertThat(resolve("--slice-duration", "0.5").sliceDurationSeconds()).isEqualTo(0.5);
        assertThatThrownBy(() -> resolve("--slice-duration", "0")).isInstanceOf(UsageException.class)
                .hasMessage("--slice-duration must be a positive number of seconds, got 0.0");
        assertThatThrownBy(() -> resolve("--slice-duration", "-2")).isInstanceOf(UsageException.class);
    }

    @Test
    void theHttpTraceOptionsAreOffUnlessGivenAndEitherTurnsTracingOn() {
        OutputConfig none = resolve();
        assertThat(none.exportHttpTrace()).isFalse();
        assertThat(none.showTraceTiming()).isFalse();
        assertThat(none.httpTrace()).isFalse();

        OutputConfig export = resolve("--export-http-trace");
        assertThat(export.exportHttpTrace()).isTrue();
        assertThat(export.showTraceTiming()).isFalse();
        assertThat(export.httpTrace()).isTrue();

        OutputConfig show = resolve("--show-trace-timing");
        assertThat(show.showTraceTiming()).isTrue();
        assertThat(show.exportHttpTrace()).isFalse();
        assertThat(show.httpTrace()).isTrue();
    }
}
