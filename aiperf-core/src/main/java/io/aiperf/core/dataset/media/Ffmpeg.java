package io.aiperf.core.dataset.media;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The system {@code ffmpeg} program, which encodes what the JVM cannot (VP9/H.264 video, MP3). Like AIPerf it is
 * looked up on {@code PATH} only; there is no variable to point elsewhere.
 *
 * <p>{@link #run} feeds the input on the process's stdin from its own thread while the caller drains stdout, and
 * stderr is drained on a third, so neither pipe can fill up and stall the other.
 */
public final class Ffmpeg {

    /** The advice every "ffmpeg is missing" error ends with. */
    public static final String INSTALL_HINT = "install it with: apt-get install ffmpeg (or put ffmpeg on PATH)";

    private final Path executable;

    public Ffmpeg(Path executable) {
        this.executable = executable;
    }

    public Path executable() {
        return executable;
    }

    /** ffmpeg on this process's {@code PATH}, if any. */
    public static Optional<Ffmpeg> onPath() {
        return find(System.getenv("PATH"));
    }

    /** The first executable file named {@code ffmpeg} in the directories of {@code pathVariable}. */
    public static Optional<Ffmpeg> find(String pathVariable) {
        if (pathVariable == null || pathVariable.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new Ffmpeg(candidate));
            }
        }
        return Optional.empty();
    }

    /** The one-line error for a feature ({@code --video-width needs ffmpeg to encode video}) without ffmpeg. */
    public static String missing(String need) {
        return need + "; " + INSTALL_HINT;
    }

    /** ffmpeg on {@code PATH}, or {@link IllegalStateException} with {@link #missing}{@code (need)}. */
    public static Ffmpeg require(String need) {
        return onPath().orElseThrow(() -> new IllegalStateException(missing(need)));
    }

    /**
     * Runs ffmpeg with {@code args} (after the program name), {@code stdin} as its input, and returns what it wrote
     * to stdout.
     *
     * @throws IllegalStateException when it cannot start or exits non-zero: one line naming {@code what} and
     *                               ffmpeg's last line on stderr
     */
    public byte[] run(List<String> args, byte[] stdin, String what) {
        return run(args, out -> out.write(stdin), what);
    }

    /** What is written to ffmpeg's stdin, streamed (a video's frames need not all be in memory at once). */
    @FunctionalInterface
    public interface Input {
        void writeTo(OutputStream stdin) throws IOException;
    }

    /** {@link #run(List, byte[], String)} with the input written by {@code stdin} as ffmpeg reads it. */
    public byte[] run(List<String> args, Input stdin, String what) {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable.toString());
        command.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + executable + " to encode " + what + ": "
                    + e.getMessage(), e);
        }
        // Own threads, not the common pool: on a small machine that pool has one thread, and encodes running in
        // parallel would queue their pipes behind one another.
        Thread feed = daemon("aiperf-ffmpeg-stdin", () -> {
            try (OutputStream in = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
                stdin.writeTo(in);
            } catch (IOException e) {
                // ffmpeg closed its stdin early (it failed); its exit code and stderr tell why.
            }
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errors = daemon("aiperf-ffmpeg-stderr", () -> err.writeBytes(drain(p.getErrorStream())));
        byte[] out = drain(p.getInputStream());
        int code;
        try {
            code = p.waitFor();
            feed.join();
            errors.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ffmpeg encoded " + what, e);
        }
        if (code != 0) {
            throw new IllegalStateException("ffmpeg failed to encode " + what + " (exit " + code + "): "
                    + lastLine(err.toString(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The last non-blank line of ffmpeg's stderr, or a placeholder when it said nothing. */
    static String lastLine(String stderr) {
        String[] lines = stderr.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "(no message)";
    }

    private static Thread daemon(String name, Runnable job) {
        Thread t = new Thread(job, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read from ffmpeg", e);
        }
    }
}
