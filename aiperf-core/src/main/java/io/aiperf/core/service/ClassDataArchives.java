package io.aiperf.core.service;

import io.aiperf.core.hub.HubSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where each service type's dynamic class-data-sharing archive (AppCDS) lives, and whether a launch uses it or
 * records it. A service JVM loads 3,700&ndash;4,600 classes, most from the jar, where each is read, parsed and
 * verified; from an archive they are mapped ready-made. The first run of a build records one archive per service
 * type ({@code -XX:ArchiveClassesAtExit}, written when that JVM exits); later runs map it
 * ({@code -XX:SharedArchiveFile}).
 *
 * <p>An archive is named {@code <type>-<jar>-<build>.jsa} in {@code <AIPERF_CACHE_DIR>/cds} (or
 * {@code AIPERF_CDS_DIR}): {@code <jar>} hashes the jar's path, {@code <build>} its size and modification time and
 * the JVM's version. Those are exactly what the JVM checks before it maps an archive, so a rebuilt jar or another
 * JDK gets a new name instead of an archive the JVM would silently refuse forever. The JVM writes the archive under a temporary name; the process that launched it
 * moves it into place only after a clean exit ({@link ArchiveUse#afterExit}), so no JVM ever maps a half-written
 * file, and a reader never needs write access. Archives only work when the class path is one jar (the shaded
 * {@code aiperf.jar}); a class path with directories (tests) gets no options. {@code AIPERF_CDS=off} turns it off.
 */
public final class ClassDataArchives {

    /** Set to {@code off} to start every service JVM without an archive. */
    public static final String SWITCH_ENV = "AIPERF_CDS";

    /** Where the archives live instead of {@code <AIPERF_CACHE_DIR>/cds} (the end-to-end tests share one). */
    public static final String DIR_ENV = "AIPERF_CDS_DIR";

    /**
     * How much longer a JVM that records its archive may take to exit: it writes the archive then (measured at 1 to
     * 3 s, under load, for 16 MB).
     */
    public static final long RECORDING_EXIT_NS = TimeUnit.SECONDS.toNanos(30);

    /** {@code bin/aiperf} looks for {@code cli-<jar>.jsa}, {@code <jar>} as {@link #jarKey(Path)} computes it. */
    static final String CLI_LINK_PREFIX = "cli-";

    private static final AtomicLong RECORDINGS = new AtomicLong();

    private final Path dir;
    private final String jarKey;
    private final String buildKey;

    private ClassDataArchives(Path dir, String jarKey, String buildKey) {
        this.dir = dir;
        this.jarKey = jarKey;
        this.buildKey = buildKey;
    }

    /** For service JVMs started from this JVM's class path; null when archives cannot or should not be used. */
    public static ClassDataArchives forThisJvm() {
        return of(System.getenv(), System.getProperty("user.home"), System.getProperty("java.class.path"),
                System.getProperty("java.vm.version"));
    }

    /**
     * @param classPath the class path the service JVMs get
     * @param jvmVersion the JVM they run on ({@code java.vm.version})
     * @return null when {@code env} turns archives off or {@code classPath} is not a single jar file
     */
    static ClassDataArchives of(Map<String, String> env, String home, String classPath, String jvmVersion) {
        if ("off".equalsIgnoreCase(String.valueOf(env.get(SWITCH_ENV)).strip()) || classPath == null
                || classPath.isBlank() || classPath.contains(java.io.File.pathSeparator)) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath().normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
        if (!attributes.isRegularFile() || !jar.getFileName().toString().endsWith(".jar")) {
            return null;
        }
        String ownDir = env.get(DIR_ENV);
        Path dir = ownDir != null && !ownDir.isBlank() ? Path.of(ownDir.strip())
                : HubSettings.aiperfCacheDir(env, home).resolve("cds");
        return new ClassDataArchives(dir, jarKey(jar),
                hash(attributes.size() + "/" + attributes.lastModifiedTime().toMillis() + "/" + jvmVersion));
    }

    /** The archive a service of {@code type} maps once it exists. */
    Path archive(ServiceType type) {
        return dir.resolve(type.cliName() + "-" + jarKey + "-" + buildKey + ".jsa");
    }

    /** Whether every service type's archive exists (so no JVM of a run records one). */
    public boolean allPresent() {
        for (ServiceType type : ServiceType.values()) {
            if (!Files.isRegularFile(archive(type))) {
                return false;
            }
        }
        return true;
    }

    /**
     * How to start one JVM of {@code type}: map its archive if there is one; else, if {@code mayRecord} and the
     * cache is writable, record it; else neither.
     */
    public ArchiveUse forLaunch(ServiceType type, boolean mayRecord) {
        Path archive = archive(type);
        // The JVM's own CDS messages (classes it cannot archive, a refused archive) go to stdout: not for the log.
        String quiet = "-Xlog:cds*=off";
        if (Files.isRegularFile(archive)) {
            return new ArchiveUse(List.of("-XX:SharedArchiveFile=" + archive, quiet), null, null);
        }
        if (!mayRecord || !writableDir()) {
            return ArchiveUse.NONE;
        }
        Path recording = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + RECORDINGS.incrementAndGet() + ".tmp");
        return new ArchiveUse(List.of("-XX:ArchiveClassesAtExit=" + recording, quiet), recording, archive);
    }

    private boolean writableDir() {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * The first 12 hex digits of the SHA-256 of the jar's absolute path (as {@code printf %s "$jar" | sha256sum} in
     * {@code bin/aiperf}).
     */
    static String jarKey(Path jar) {
        return hash(jar.toString());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The archive options of one launch, and what to do once that JVM has exited. */
    public record ArchiveUse(List<String> jvmOptions, Path recording, Path archive) {

        /** Neither maps nor records an archive. */
        public static final ArchiveUse NONE = new ArchiveUse(List.of(), null, null);

        /** Whether this JVM writes an archive as it exits. */
        public boolean records() {
            return recording != null;
        }

        /**
         * Call once the JVM has exited. A recording of a JVM that exited cleanly becomes the archive (and replaces
         * the archives of earlier builds of the same jar); any other recording is deleted.
         */
        public void afterExit(int exitCode) {
            if (recording == null) {
                return;
            }
            try {
                if (exitCode == 0 && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                    Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    deleteOlderBuilds();
                    if (archive.getFileName().toString().startsWith(ServiceType.SYSTEM_CONTROLLER.cliName() + "-")) {
                        linkForCli();
                    }
                } else {
                    Files.deleteIfExists(recording);
                }
            } catch (IOException e) {
                // A cache that cannot be written to only means the next start is not faster.
                try {
                    Files.deleteIfExists(recording);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }

        /**
         * {@code cli-<jar>.jsa} &rarr; the controller's archive: {@code bin/aiperf} maps it into the CLI's JVM, which
         * loads most of the same classes (the bus, the codec, the configuration). The launcher can only name the jar
         * (its path's hash), not the build: a link left from an older build is refused by the JVM, silently, until
         * the next controller archive replaces it.
         */
        private void linkForCli() throws IOException {
            String name = archive.getFileName().toString();
            String jarKey = name.substring(name.indexOf('-') + 1, name.lastIndexOf('-'));
            Path link = archive.resolveSibling(CLI_LINK_PREFIX + jarKey + ".jsa");
            Path fresh = archive.resolveSibling(link.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(fresh);
            Files.createSymbolicLink(fresh, archive.getFileName());
            Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        /**
         * {@code <type>-<jar>-*.jsa} other than this archive (the same jar path, an earlier build), and recordings of
         * it older than a day (their JVM was killed while it wrote them).
         */
        private void deleteOlderBuilds() throws IOException {
            String name = archive.getFileName().toString();
            String samePath = name.substring(0, name.lastIndexOf('-') + 1);
            Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
            try (var files = Files.list(archive.getParent())) {
                for (Path p : files.toList()) {
                    String other = p.getFileName().toString();
                    boolean olderBuild = other.endsWith(".jsa") && !other.equals(name);
                    boolean abandoned = other.endsWith(".tmp")
                            && Files.getLastModifiedTime(p).toInstant().isBefore(dayAgo);
                    if (other.startsWith(samePath) && (olderBuild || abandoned)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
