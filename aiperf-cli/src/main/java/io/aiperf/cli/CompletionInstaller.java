package io.aiperf.cli;

import io.aiperf.core.error.UsageException;
import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code aiperf --install-completion}: picocli's bash completion script for the whole command tree, written where
 * bash-completion looks for a user's completions (zsh runs the same script through {@code bashcompinit}).
 */
final class CompletionInstaller {

    enum Shell { bash, zsh }

    private CompletionInstaller() {
    }

    /**
     * Where bash-completion (2.x) loads a user's completion for {@code aiperf} from on demand:
     * {@code $BASH_COMPLETION_USER_DIR/completions}, else {@code $XDG_DATA_HOME/bash-completion/completions}, else
     * {@code ~/.local/share/bash-completion/completions}.
     */
    static Path defaultFile(Map<String, String> env) {
        String userDir = env.get("BASH_COMPLETION_USER_DIR");
        Path base;
        if (userDir != null && !userDir.isBlank()) {
            base = Path.of(userDir);
        } else {
            String data = env.get("XDG_DATA_HOME");
            base = (data != null && !data.isBlank() ? Path.of(data) : Path.of(System.getProperty("user.home"),
                    ".local", "share")).resolve("bash-completion");
        }
        return base.resolve("completions").resolve("aiperf");
    }

    /**
     * Writes the script for {@code root}'s command tree to {@code file} (null: {@link #defaultFile}) and returns the
     * one line telling the user where it went and how to turn it on.
     */
    static String install(CommandLine root, Shell shell, Path file, Map<String, String> env) {
        Path target = file != null ? file : defaultFile(env);
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, AutoComplete.bash("aiperf", root));
        } catch (IOException e) {
            throw new UsageException("--install-completion: cannot write " + target + ": " + e.getMessage());
        }
        if (shell == Shell.zsh) {
            return "Wrote the aiperf completion script to " + target + "; to enable it, add to ~/.zshrc: autoload -U "
                    + "+X compinit && compinit; autoload -U +X bashcompinit && bashcompinit; source " + target;
        }
        return file == null
                ? "Wrote the aiperf completion script to " + target + "; bash-completion loads it in new shells (in "
                        + "this one: source " + target + ")"
                : "Wrote the aiperf completion script to " + target + "; to enable it, add to ~/.bashrc: source "
                        + target;
    }
}
