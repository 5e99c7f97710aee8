package io.aiperf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf --install-completion}: a script bash accepts, where bash-completion looks, and one line saying so. */
class CompletionInstallerTest {

    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result aiperf(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AiperfMain.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void writesABashScriptForTheWholeCommandTreeThatBashAccepts() throws Exception {
        Path file = tmp.resolve("sub/aiperf");

        Result r = aiperf("--install-completion", "-o", file.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo("Wrote the aiperf completion script to " + file
                + "; to enable it, add to ~/.bashrc: source " + file);
        String script = Files.readString(file);
        assertThat(script).contains("complete -F").contains("profile").contains("--model-names")
                .contains("--endpoint-type").contains("sweep").contains("plot");
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String complaints = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor()).as("bash -n: %s", complaints).isZero();
    }

    @Test
    void zshIsToldHowToLoadItWithBashcompinit() {
        Path file = tmp.resolve("aiperf.zsh");

        Result r = aiperf("--install-completion", "--shell", "zsh", "-o", file.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("bashcompinit").contains("source " + file);
        assertThat(file).exists();
    }

    @Test
    void theDefaultFileIsBashCompletionsPerUserFolder() {
        assertThat(CompletionInstaller.defaultFile(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local/share/bash-completion/completions/aiperf"));
        assertThat(CompletionInstaller.defaultFile(Map.of("XDG_DATA_HOME", "/x/data")))
                .isEqualTo(Path.of("/x/data/bash-completion/completions/aiperf"));
        assertThat(CompletionInstaller.defaultFile(Map.of("BASH_COMPLETION_USER_DIR", "/x/bc")))
                .isEqualTo(Path.of("/x/bc/completions/aiperf"));
    }

    @Test
    void anUnknownShellIsOneUsageError() {
        Result r = aiperf("--install-completion", "--shell", "fish", "-o", tmp.resolve("f").toString());

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("aiperf: error: ").contains("--shell").contains("bash, zsh");
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
