package io.aiperf.cli.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live UI as a user sees it: the real {@code bin/aiperf} runs on a real terminal (a tmux pane), the test types
 * keys into it, resizes it and reads the screen back. Each pane's command is the run, then {@code echo EXIT=$?},
 * {@code stty -a} and {@code echo STTY-DONE}, so the screen ends with the exit status and the state the run left the
 * tty in.
 */
class DashboardIT {

    /**
     * Long enough to still be running when the test is done looking (~0.2 s a request: 40 tokens at the mock's 5 ms
     * ITL, 4,000 requests at concurrency 4), short requests so the first records come soon after the warm-up.
     */
    private static final List<String> LONG_RUN = List.of("-m", "demo", "--streaming", "--mock-server",
            "--isl", "100", "--osl", "40", "--extra-inputs", "ignore_eos:true", "--concurrency", "4",
            "--request-count", "4000", "--tokenizer", "builtin");
    private static final List<String> SHORT_RUN = List.of("-m", "demo", "--streaming", "--mock-server",
            "--isl", "50", "--osl", "20", "--extra-inputs", "ignore_eos:true", "--concurrency", "4",
            "--request-count", "40", "--tokenizer", "builtin");

    /** What the default export level writes (ExportsIT checks their contents). */
    private static final List<String> DEFAULT_EXPORTS = List.of("profile_export_aiperf.json",
            "profile_export_aiperf.csv", "profile_export.jsonl", "inputs.json");
    private static final String FINAL_TABLE = "NVIDIA AIPerf | LLM Metrics";
    private static final Pattern EXIT = Pattern.compile("(?m)^EXIT=(\\d+)$");
    /** Printed after {@code stty -a}: its output is all on the screen. */
    private static final Pattern STTY_DONE = Pattern.compile("(?m)^STTY-DONE$");
    /** The progress panel's {@code Requests [bar] 12.0% 48/400} (one line: no DOTALL). */
    private static final Pattern REQUESTS = Pattern.compile("Requests .*?(\\d[\\d,]*)/(\\d[\\d,]*)");
    private static final Pattern TTFT_AVG = Pattern.compile("Time to First Token \\(ms\\)\\s+(\\d[\\d,]*\\.\\d+)");

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns();

    private Tmux tmux;

    @BeforeEach
    void needsTmux() {
        assumeTrue(Tmux.installed(), "tmux is not installed: the live UI's terminal tests are skipped"
                + " (.ci/run installs it)");
    }

    @AfterEach
    void killTmux() throws Exception {
        // Before AiperfRuns deletes the test's directory: nothing of the run may still write into it.
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void dashboardShowsLiveNumbersFollowsKeysAndResizeAndGivesTheTerminalBackOnQuit() throws Exception {
        Path artifacts = aiperf.dir().resolve("run");
        tmux = startOnTerminal(160, 50, LONG_RUN, artifacts);

        // The dashboard is the default on a terminal and is up while the services still boot (~3 s here).
        tmux.awaitScreen("dashboard panels", 10, s -> text(s).contains("Progress") && text(s).contains("Workers")
                && text(s).contains("Metrics"));
        // Its numbers come from the records already processed, so they can only follow the services' start-up (the
        // worker warms its request path first: ~2 s on an idle 2-core machine, 4+ s on a busy one). Once profiling
        // runs they are on screen within 10 s (a request takes ~0.2 s; the controller's progress and the records
        // manager's metrics each come about once a second, apart: the first frame with metrics may still say
        // 0/4,000, so wait for both).
        tmux.awaitScreen("the profiling stage", 60, s -> text(s).contains("Stage      profiling"));
        List<String> screen = tmux.awaitScreen("dashboard with requests done, a TTFT average and worker-0 within 10 s"
                + " of the profiling stage", 10, s -> requestsDone(text(s)) > 0 && TTFT_AVG.matcher(text(s)).find()
                && text(s).contains("worker-0"));
        String shown = text(screen);
        assertThat(shown).contains("Progress", "Workers (1)", "Metrics", "Time to First Token (ms)");
        Matcher requests = REQUESTS.matcher(shown);
        assertThat(requests.find()).as(shown).isTrue();
        assertThat(number(requests.group(2))).as("requests in all").isEqualTo(4000);
        Matcher ttft = TTFT_AVG.matcher(shown);
        assertThat(ttft.find()).as(shown).isTrue();
        assertThat(number(ttft.group(1))).as("TTFT avg (ms)").isPositive();

        tmux.sendKeys("l");
        tmux.awaitScreen("log pane after l", 5, s -> text(s).contains("Log (the last lines"));

        // Only a redraw puts the right edge at the new last column: tmux merely cuts the old 160-column frame.
        tmux.resize(100, 30);
        screen = tmux.awaitScreen("frame redrawn for 100 columns", 5, s -> s.size() == 30
                && rightEdgeAt(s, "Progress", 99) && rightEdgeAt(s, "Metrics (", 99));
        assertThat(screen).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(text(screen)).contains("Progress", "Log (the last lines");

        // q: the same clean cancel as Ctrl-C, so the exit status is 130 and every export is written.
        tmux.sendKeys("q");
        String all = tmux.awaitScrollback("exit status and stty -a after q", 30, s -> STTY_DONE.matcher(s).find());
        assertThat(exitCode(all)).as(all).isEqualTo(130);
        assertThat(all).as("the final table, printed on the normal screen").contains(FINAL_TABLE);
        assertThat(text(tmux.screen())).as("the dashboard's screen was left").doesNotContain("q: stop early");
        for (String export : DEFAULT_EXPORTS) {
            assertThat(artifacts.resolve(export)).as(export).isNotEmptyFile();
        }
        assertTtyRestored(all);
    }

    @Test
    void simpleModeShowsOneBarLineThenTheTable() throws Exception {
        tmux = startOnTerminal(160, 50, with(SHORT_RUN, "--ui", "simple"), aiperf.dir().resolve("run"));

        String all = tmux.awaitScrollback("exit status and stty -a", 60, s -> STTY_DONE.matcher(s).find());
        assertThat(exitCode(all)).as(all).isZero();
        // The bar line is rewritten in place with \r; the terminal keeps its last state.
        assertThat(all.lines()).as(all).anySatisfy(line -> assertThat(line).startsWith("Profiling")
                .containsPattern("\\[[█░]+\\]").contains("req/s", "ETA"));
        assertThat(all).contains(FINAL_TABLE);
        assertTtyRestored(all);
    }

    @Test
    void withoutATerminalTheOutputIsPlainLines() throws Exception {
        AiperfRun r = aiperf.profile(SHORT_RUN);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Profiling:", FINAL_TABLE);
        // A CI log or a file shows escape codes and carriage returns as garbage.
        for (String output : List.of(r.stdout(), r.stderr())) {
            assertThat(output).doesNotContain("\u001b").doesNotContain("\r");
        }
    }

    /**
     * Starts {@code bin/aiperf profile args --artifact-dir artifacts} in a fresh pane, with the environment
     * AiperfProcess gives every run (no hub, no secrets, caches in the test's directory) and a UTF-8 locale.
     */
    private Tmux startOnTerminal(int columns, int rows, List<String> args, Path artifacts) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String secret : List.of("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HOME", "OPENAI_API_KEY",
                "AIPERF_HTTP_SSL_VERIFY")) {
            env.remove(secret);
        }
        env.put("HF_ENDPOINT", AiperfProcess.closedEndpoint());
        env.put("HF_HUB_CACHE", aiperf.dir().resolve(".hf-hub-cache").toString());
        env.put("AIPERF_CACHE_DIR", aiperf.dir().resolve(".aiperf-cache").toString());
        env.put("AIPERF_CDS_DIR", AiperfProcess.repoRoot().resolve("aiperf-cli/target/it-cds").toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        String serviceOptions = NettyLeaks.withSuiteLevel(env.get(AiperfProcess.SERVICE_JAVA_OPTS));
        if (serviceOptions.isEmpty()) {
            env.remove(AiperfProcess.SERVICE_JAVA_OPTS);
        } else {
            env.put(AiperfProcess.SERVICE_JAVA_OPTS, serviceOptions);
        }
        String command = quote(AiperfProcess.repoRoot().resolve("bin/aiperf").toString()) + " profile "
                + with(args, "--artifact-dir", artifacts.toString()).stream().map(DashboardIT::quote)
                .collect(Collectors.joining(" "))
                + "; echo EXIT=$?; stty -a; echo STTY-DONE; sleep 300";
        return Tmux.start(aiperf.dir(), env, columns, rows, command);
    }

    /** The panel whose title row holds {@code title} reaches the last column, {@code column}, with its corner. */
    private static boolean rightEdgeAt(List<String> screen, String title, int column) {
        return screen.stream().anyMatch(line -> line.contains(title) && line.length() == column + 1
                && line.charAt(column) == '┐');
    }

    /** {@code stty -a} after the run: canonical input and echo are back on, as before the dashboard took the tty. */
    private static void assertTtyRestored(String scrollback) {
        Matcher exit = EXIT.matcher(scrollback);
        assertThat(exit.find()).as(scrollback).isTrue();
        String afterExit = scrollback.substring(exit.end());
        Set<String> settings = Arrays.stream(afterExit.split("[\\s;]+")).collect(Collectors.toSet());
        assertThat(settings).as(afterExit).contains("icanon", "echo").doesNotContain("-icanon", "-echo");
    }

    /** The {@code n} of the dashboard's {@code Requests … n/N}, or -1 when it shows none. */
    private static double requestsDone(String screen) {
        Matcher m = REQUESTS.matcher(screen);
        return m.find() ? number(m.group(1)) : -1;
    }

    private static int exitCode(String scrollback) {
        Matcher m = EXIT.matcher(scrollback);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String text(List<String> screen) {
        return String.join("\n", screen);
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.replace(",", ""));
    }

    private static List<String> with(List<String> args, String... more) {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
