package io.aiperf.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One private tmux server with one session, {@code X}, whose single pane is the terminal a test's command runs on:
 * the test types into it ({@link #sendKeys}), resizes it ({@link #resize}) and reads it back ({@link #screen},
 * {@link #scrollback}), as a user at a real terminal would. The server listens on a socket of its own
 * ({@code tmux -L <name>}, in the test's directory) and reads no configuration file, so a test never sees nor
 * touches the user's tmux.
 */
final class Tmux implements AutoCloseable {

    private static final String SESSION = "X";
    private static final long POLL_MS = 200;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final String socket = "aiperf-it-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet();
    private final Map<String, String> env;

    /**
     * @param env the whole environment of the server, and so of the command in its pane
     * @param socketDir where the server's socket goes (tmux leaves the file behind when it exits)
     */
    private Tmux(Map<String, String> env, Path socketDir) {
        Map<String, String> all = new HashMap<>(env);
        all.put("TMUX_TMPDIR", socketDir.toString());
        this.env = Map.copyOf(all);
    }

    /** Whether a {@code tmux} that runs is on the PATH. */
    static boolean installed() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts a server whose pane, {@code columns} x {@code rows}, runs {@code shellCommand} with {@code sh -c} in
     * {@code workDir}; the pane stays open after the command ends for as long as the command itself keeps it. The
     * server's socket is in {@code workDir} too, so it goes when the test's directory does.
     */
    static Tmux start(Path workDir, Map<String, String> env, int columns, int rows, String shellCommand)
            throws IOException, InterruptedException {
        Tmux tmux = new Tmux(env, Files.createDirectories(workDir.resolve(".tmux")));
        tmux.tmux("new-session", "-d", "-x", String.valueOf(columns), "-y", String.valueOf(rows), "-s", SESSION,
                "-c", workDir.toString(), shellCommand);
        return tmux;
    }

    /** Types {@code keys} into the pane, each as tmux names a key ({@code l}, {@code q}, {@code C-c}). */
    void sendKeys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Makes the window, and so the pane and the terminal the program sees, {@code columns} x {@code rows}. */
    void resize(int columns, int rows) throws IOException, InterruptedException {
        tmux("resize-window", "-t", SESSION, "-x", String.valueOf(columns), "-y", String.valueOf(rows));
    }

    /** What the pane shows now, one string per row (trailing blanks cut by tmux). */
    List<String> screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", SESSION).lines().toList();
    }

    /**
     * Everything the normal screen holds, scrolled-off lines included, with lines tmux wrapped at the pane's edge
     * joined again ({@code -J}). What a full-screen program drew on the alternate screen is not in it.
     */
    String scrollback() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", SESSION);
    }

    /**
     * Polls {@link #screen()} every 200 ms until {@code wanted} holds, and returns that screen; fails after
     * {@code seconds} with {@code what} and the last screen, so a failure shows what the user would have seen.
     */
    List<String> awaitScreen(String what, long seconds, Predicate<List<String>> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> last;
        while (true) {
            last = screen();
            if (wanted.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " on the terminal within " + seconds + " s; it shows:\n"
                        + String.join("\n", last));
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** {@link #awaitScreen} on the {@link #scrollback()}: for text printed after a full-screen program left. */
    String awaitScrollback(String what, long seconds, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last;
        while (true) {
            last = scrollback();
            if (wanted.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " on the terminal within " + seconds + " s; it holds:\n"
                        + last + "\nand shows:\n" + String.join("\n", screen()));
            }
            Thread.sleep(POLL_MS);
        }
    }

    /**
     * Kills what still runs in the pane (the shell, the launcher, every JVM it started), then the server: a test
     * that failed midway leaves no run behind.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            String pid = tmux("display-message", "-p", "-t", SESSION, "#{pane_pid}").strip();
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(pane -> {
                pane.descendants().forEach(ProcessHandle::destroyForcibly);
                pane.destroyForcibly();
            });
        } catch (IOException | RuntimeException e) {
            // No session any more (the server is gone already): nothing runs in it.
        }
        run(List.of("tmux", "-L", socket, "-f", "/dev/null", "kill-server"));
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-u", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Result r = run(cmd);
        if (r.exitCode != 0) {
            throw new IOException(String.join(" ", cmd) + " exited with " + r.exitCode + ": " + r.output);
        }
        return r.output;
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // The server passes this environment on to its pane; the caller's TMUX (the user's own server) is not in it.
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().remove("TMUX");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not return within 30 s");
        }
        return new Result(p.exitValue(), out);
    }
}
