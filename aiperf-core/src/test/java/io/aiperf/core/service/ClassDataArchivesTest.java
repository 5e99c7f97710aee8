package io.aiperf.core.service;

import io.aiperf.core.service.ClassDataArchives.ArchiveUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchivesTest {

    @TempDir
    Path tmp;

    private Path jar() throws Exception {
        Path jar = tmp.resolve("target/aiperf.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1, 2, 3});
        return jar;
    }

    private ClassDataArchives archives(Path jar) {
        return ClassDataArchives.of(Map.of("AIPERF_CACHE_DIR", tmp.resolve("cache").toString()), "/home/u",
                jar.toString(), "17.0.15+6");
    }

    private static String optionValue(ArchiveUse use, String option) {
        return use.jvmOptions().stream().filter(o -> o.startsWith(option + "=")).findFirst()
                .map(o -> o.substring(option.length() + 1)).orElse(null);
    }

    private static long filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void eachServiceTypeHasItsOwnArchiveInTheAiperfCache() throws Exception {
        ClassDataArchives archives = archives(jar());

        Path worker = archives.archive(ServiceType.WORKER);

        assertThat(worker.getParent()).isEqualTo(tmp.resolve("cache/cds"));
        assertThat(worker.getFileName().toString()).startsWith("worker-").endsWith(".jsa");
        assertThat(archives.archive(ServiceType.RECORDS_MANAGER)).isNotEqualTo(worker);
    }

    @Test
    void withoutAiperfCacheDirTheArchivesLiveUnderTheHomeCache() throws Exception {
        ClassDataArchives archives = ClassDataArchives.of(Map.of(), "/home/u", jar().toString(), "17.0.15+6");

        assertThat(archives.archive(ServiceType.WORKER).getParent()).isEqualTo(Path.of("/home/u/.cache/aiperf/cds"));
    }

    @Test
    void aiperfCdsDirPutsTheArchivesElsewhere() throws Exception {
        Path shared = tmp.resolve("target/it-cds");
        ClassDataArchives archives = ClassDataArchives.of(Map.of("AIPERF_CACHE_DIR", tmp.resolve("cache").toString(),
                "AIPERF_CDS_DIR", shared.toString()), "/home/u", jar().toString(), "17.0.15+6");

        assertThat(archives.archive(ServiceType.WORKER).getParent()).isEqualTo(shared);
    }

    @Test
    void aRebuiltJarOrAnotherJvmGetsAnotherArchive() throws Exception {
        Path jar = jar();
        Path before = archives(jar).archive(ServiceType.WORKER);
        assertThat(archives(jar).archive(ServiceType.WORKER)).as("same jar, same JVM").isEqualTo(before);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        Path rebuilt = archives(jar).archive(ServiceType.WORKER);
        Path otherJvm = ClassDataArchives.of(Map.of("AIPERF_CACHE_DIR", tmp.resolve("cache").toString()), "/home/u",
                jar.toString(), "17.0.16+8").archive(ServiceType.WORKER);

        assertThat(rebuilt).isNotEqualTo(before);
        assertThat(otherJvm).isNotEqualTo(rebuilt).isNotEqualTo(before);
    }

    @Test
    void onlyASingleJarClassPathCanUseArchives() throws Exception {
        Path jar = jar();
        Map<String, String> env = Map.of("AIPERF_CACHE_DIR", tmp.resolve("cache").toString());

        assertThat(ClassDataArchives.of(env, "/home/u", jar + File.pathSeparator + tmp, "17")).isNull();
        assertThat(ClassDataArchives.of(env, "/home/u", tmp.resolve("target").toString(), "17")).isNull();
        assertThat(ClassDataArchives.of(env, "/home/u", tmp.resolve("missing.jar").toString(), "17")).isNull();
        assertThat(ClassDataArchives.of(env, "/home/u", "", "17")).isNull();
    }

    @Test
    void aiperfCdsOffTurnsArchivesOff() throws Exception {
        Map<String, String> env = Map.of("AIPERF_CACHE_DIR", tmp.resolve("cache").toString(), "AIPERF_CDS", "off");

        assertThat(ClassDataArchives.of(env, "/home/u", jar().toString(), "17")).isNull();
    }

    @Test
    void theFirstLaunchRecordsUnderATemporaryNameAndACleanExitPutsTheArchiveInPlace() throws Exception {
        ClassDataArchives archives = archives(jar());
        ArchiveUse first = archives.forLaunch(ServiceType.WORKER, true);
        Path recording = Path.of(optionValue(first, "-XX:ArchiveClassesAtExit"));
        assertThat(first.records()).isTrue();
        assertThat(recording).isNotEqualTo(archives.archive(ServiceType.WORKER));
        assertThat(recording.getParent()).isEqualTo(archives.archive(ServiceType.WORKER).getParent());

        Files.write(recording, new byte[] {42}); // what the JVM writes as it exits
        first.afterExit(0);

        assertThat(archives.archive(ServiceType.WORKER)).exists().hasBinaryContent(new byte[] {42});
        assertThat(recording).doesNotExist();
        ArchiveUse next = archives.forLaunch(ServiceType.WORKER, true);
        assertThat(optionValue(next, "-XX:SharedArchiveFile"))
                .isEqualTo(archives.archive(ServiceType.WORKER).toString());
        assertThat(next.records()).isFalse();
    }

    @Test
    void aKilledRecordingIsThrownAway() throws Exception {
        ClassDataArchives archives = archives(jar());
        ArchiveUse first = archives.forLaunch(ServiceType.RECORDS_MANAGER, true);
        Path recording = Path.of(optionValue(first, "-XX:ArchiveClassesAtExit"));
        Files.write(recording, new byte[] {1}); // half written when the JVM was killed

        first.afterExit(137);

        assertThat(recording).doesNotExist();
        assertThat(archives.archive(ServiceType.RECORDS_MANAGER)).doesNotExist();
        assertThat(archives.forLaunch(ServiceType.RECORDS_MANAGER, true).records()).isTrue();
    }

    @Test
    void aLaunchThatMayNotRecordStartsWithoutOptionsUntilTheArchiveExists() throws Exception {
        ClassDataArchives archives = archives(jar());

        assertThat(archives.forLaunch(ServiceType.WORKER, false)).isEqualTo(ArchiveUse.NONE);
        assertThat(archives.allPresent()).isFalse();
    }

    @Test
    void aCacheThatCannotBeWrittenRecordsNothing() throws Exception {
        Path notADir = tmp.resolve("file");
        Files.writeString(notADir, "x");
        ClassDataArchives unwritable = ClassDataArchives.of(Map.of("AIPERF_CACHE_DIR", notADir.toString()), "/home/u",
                jar().toString(), "17");

        assertThat(unwritable.forLaunch(ServiceType.WORKER, true)).isEqualTo(ArchiveUse.NONE);
    }

    @Test
    void aNewArchiveReplacesTheArchivesOfEarlierBuildsOfTheSameJarOnly() throws Exception {
        Path jar = jar();
        ClassDataArchives old = archives(jar);
        ArchiveUse oldUse = old.forLaunch(ServiceType.WORKER, true);
        Files.write(Path.of(optionValue(oldUse, "-XX:ArchiveClassesAtExit")), new byte[] {1});
        oldUse.afterExit(0);
        Path otherJar = tmp.resolve("other/aiperf.jar");
        Files.createDirectories(otherJar.getParent());
        Files.write(otherJar, new byte[] {9});
        ClassDataArchives other = archives(otherJar);
        ArchiveUse otherUse = other.forLaunch(ServiceType.WORKER, true);
        Files.write(Path.of(optionValue(otherUse, "-XX:ArchiveClassesAtExit")), new byte[] {2});
        otherUse.afterExit(0);
        ArchiveUse controller = old.forLaunch(ServiceType.SYSTEM_CONTROLLER, true);
        Files.write(Path.of(optionValue(controller, "-XX:ArchiveClassesAtExit")), new byte[] {3});
        controller.afterExit(0);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        ClassDataArchives rebuilt = archives(jar);
        ArchiveUse newUse = rebuilt.forLaunch(ServiceType.WORKER, true);
        Files.write(Path.of(optionValue(newUse, "-XX:ArchiveClassesAtExit")), new byte[] {4});
        newUse.afterExit(0);

        assertThat(old.archive(ServiceType.WORKER)).doesNotExist();
        assertThat(rebuilt.archive(ServiceType.WORKER)).exists();
        assertThat(other.archive(ServiceType.WORKER)).as("another checkout's jar").exists();
        assertThat(old.archive(ServiceType.SYSTEM_CONTROLLER)).as("another service type").exists();
        assertThat(filesIn(rebuilt.archive(ServiceType.WORKER).getParent())).as("3 archives and the CLI's link")
                .isEqualTo(4);
    }

    @Test
    void theJarKeyIsWhatBinAiperfComputesWithSha256sum() {
        // printf '%s' /tmp/x/aiperf.jar | sha256sum | cut -c1-12
        assertThat(ClassDataArchives.jarKey(Path.of("/tmp/x/aiperf.jar"))).isEqualTo("cf2f52e5d2ef");
    }

    @Test
    void theControllersArchiveIsLinkedWhereBinAiperfLooksForTheClisArchive() throws Exception {
        Path jar = jar();
        ClassDataArchives archives = archives(jar);
        Path link = tmp.resolve("cache/cds/cli-" + ClassDataArchives.jarKey(jar) + ".jsa");
        ArchiveUse worker = archives.forLaunch(ServiceType.WORKER, true);
        Files.write(Path.of(optionValue(worker, "-XX:ArchiveClassesAtExit")), new byte[] {1});
        worker.afterExit(0);
        assertThat(link).as("only the controller's archive is linked").doesNotExist();

        ArchiveUse controller = archives.forLaunch(ServiceType.SYSTEM_CONTROLLER, true);
        Files.write(Path.of(optionValue(controller, "-XX:ArchiveClassesAtExit")), new byte[] {2});
        controller.afterExit(0);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(link.toRealPath()).isEqualTo(archives.archive(ServiceType.SYSTEM_CONTROLLER).toRealPath());

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        ClassDataArchives rebuilt = archives(jar);
        ArchiveUse next = rebuilt.forLaunch(ServiceType.SYSTEM_CONTROLLER, true);
        Files.write(Path.of(optionValue(next, "-XX:ArchiveClassesAtExit")), new byte[] {3});
        next.afterExit(0);
        assertThat(link).hasBinaryContent(new byte[] {3});
    }
}
