package io.aiperf.ui.report;

import io.aiperf.core.error.UsageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the runs under the directories given to {@code aiperf plot}. A directory is recognised by what it holds, at
 * any name, up to {@value #MAX_DEPTH} levels down (AIPerf's plot once missed sweeps laid out differently, its issue
 * #579): {@code profile_export_aiperf.json} makes a run; {@code profile_runs/} beside
 * {@code aggregate/profile_export_aiperf_aggregate.json} a multi-run (one point); a run in a directory named
 * {@code round_N} is a round.
 */
public record ReportInputs(List<InputDir> dirs) {

    static final int MAX_DEPTH = 4;
    private static final Pattern ROUND = Pattern.compile("round_(\\d+)");

    /**
     * What one DIR holds.
     *
     * @param label  its name (made unique among the DIRs)
     * @param points the sweep's points, runs and multi-runs, in the order found
     * @param rounds the round runs, by round number
     * @param runs   every single run (rounds and multi-runs' runs included): time slices and GPU samples
     */
    public record InputDir(Path dir, String label, List<LoadPoint> points, List<RunData> rounds, List<RunData> runs) {
        public InputDir {
            points = List.copyOf(points);
            rounds = List.copyOf(rounds);
            runs = List.copyOf(runs);
        }
    }

    public ReportInputs {
        dirs = List.copyOf(dirs);
    }

    /** Reads every DIR; one without any run is a usage error naming it. */
    public static ReportInputs find(List<Path> dirs) {
        List<InputDir> found = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException(dir + ": not a directory");
            }
            Path abs = dir.toAbsolutePath().normalize();
            String base = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
            String label = base;
            for (int n = 2; !labels.add(label); n++) {
                label = base + "#" + n;
            }
            List<LoadPoint> points = new ArrayList<>();
            List<RunData> rounds = new ArrayList<>();
            List<RunData> runs = new ArrayList<>();
            scan(abs, abs, 0, label, points, rounds, runs);
            if (points.isEmpty() && rounds.isEmpty()) {
                throw new UsageException(dir + ": no " + RunData.SUMMARY + " found");
            }
            rounds.sort(Comparator.comparingInt(r -> roundNumber(r.dir())));
            found.add(new InputDir(abs, label, points, rounds, runs));
        }
        return new ReportInputs(found);
    }

    private static void scan(Path root, Path dir, int depth, String label, List<LoadPoint> points,
                             List<RunData> rounds, List<RunData> runs) {
        String name = dir.equals(root) ? label : root.relativize(dir).toString();
        if (MultiRun.isMultiRunDir(dir)) {
            List<RunData> members = new ArrayList<>();
            for (Path child : children(dir.resolve(MultiRun.RUNS))) {
                if (RunData.isRunDir(child)) {
                    members.add(RunData.load(child, name + "/" + child.getFileName()));
                }
            }
            points.add(new MultiRun(dir, name, members,
                    RunData.readJson(dir.resolve(MultiRun.AGGREGATE))));
            runs.addAll(members);
            return;
        }
        if (RunData.isRunDir(dir)) {
            RunData run = RunData.load(dir, name);
            if (roundNumber(dir) >= 0) {
                rounds.add(run);
            } else {
                points.add(run);
            }
            runs.add(run);
            return;
        }
        if (depth < MAX_DEPTH) {
            for (Path child : children(dir)) {
                scan(root, child, depth + 1, label, points, rounds, runs);
            }
        }
    }

    private static int roundNumber(Path dir) {
        Path name = dir.getFileName();
        Matcher m = ROUND.matcher(name == null ? "" : name.toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
