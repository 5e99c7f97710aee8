package io.aiperf.cli.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * aiperf-cli/Dockerfile cannot be built here (no Docker daemon), so this reads it and checks what Kubernetes and
 * kube render's manifests rely on: a Java 17 runtime, a numeric non-root user that is the pods' runAsUser, the jar
 * the shade plugin writes, and an entry point that runs it so {@code IMAGE profile …} and {@code IMAGE worker …}
 * work.
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @Test
    void runsOnAJava17Runtime() throws Exception {
        List<String> from = instructions("FROM");
        assertThat(from).hasSize(1);
        assertThat(from.get(0)).matches("eclipse-temurin:17[-.0-9_a-z]*-jre[-.0-9a-z]*");
    }

    @Test
    void runsAsTheNumericNonRootUserThePodsDeclare() throws Exception {
        List<String> users = instructions("USER");
        assertThat(users).as("one USER, the last word on who runs the entry point").hasSize(1);
        String[] userAndGroup = users.get(0).split(":");
        assertThat(userAndGroup[0]).as("a UID Kubernetes' runAsNonRoot can check").matches("[0-9]+");
        assertThat(Long.parseLong(userAndGroup[0])).isNotZero().isEqualTo(AiperfImage.UID);
        if (userAndGroup.length > 1) {
            assertThat(Long.parseLong(userAndGroup[1])).isEqualTo(AiperfImage.UID);
        }
    }

    @Test
    void copiesTheShadedJarAndRunsItWithJavaJar() throws Exception {
        List<String> copies = instructions("COPY");
        assertThat(copies).hasSize(1);
        String[] copy = copies.get(0).split("\\s+");
        assertThat(copy[0]).as("the shade plugin's finalName in aiperf-cli/pom.xml, from the repository root")
                .isEqualTo("aiperf-cli/target/" + shadedFinalName() + ".jar");
        assertThat(copy[1]).isEqualTo(AiperfImage.JAR);

        List<String> entrypoints = instructions("ENTRYPOINT");
        assertThat(entrypoints).hasSize(1);
        String[] exec = new ObjectMapper().readValue(entrypoints.get(0), String[].class);
        assertThat(Arrays.asList(exec)).as("exec form, so arguments after the image go to aiperf")
                .containsExactly("java", "-jar", AiperfImage.JAR);
        assertThat(instructions("CMD")).as("no CMD: 'docker run IMAGE' alone prints aiperf's usage").isEmpty();
    }

    @Test
    void artifactsAndCacheDirectoriesBelongToTheUser() throws Exception {
        assertThat(instructions("WORKDIR")).containsExactly(AiperfImage.ARTIFACTS_DIR);
        String cacheDir = instructions("ENV").stream().filter(e -> e.startsWith("AIPERF_CACHE_DIR="))
                .map(e -> e.substring("AIPERF_CACHE_DIR=".length())).findFirst().orElseThrow();
        String run = String.join(" ", instructions("RUN"));
        assertThat(run).contains("--uid " + AiperfImage.UID)
                .containsPattern("mkdir -p [^&]*" + AiperfImage.ARTIFACTS_DIR)
                .containsPattern("mkdir -p [^&]*" + cacheDir);
        String chown = run.substring(run.indexOf("chown"));
        assertThat(chown).startsWith("chown -R " + AiperfImage.UID + ":" + AiperfImage.UID)
                .contains(AiperfImage.ARTIFACTS_DIR);
        assertThat(cacheDir).as("the chown covers the cache dir").startsWith(chown.split("\\s+")[4]);
    }

    /** The arguments of every {@code NAME} instruction, continuation lines joined, comments dropped. */
    private static List<String> instructions(String name) throws Exception {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current == null) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            String body = continues ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
            current = current == null ? new StringBuilder(body) : current.append(' ').append(body);
            if (!continues) {
                String instruction = current.toString();
                String keyword = instruction.split("\\s+", 2)[0];
                if (keyword.equalsIgnoreCase(name)) {
                    out.add(instruction.substring(keyword.length()).strip());
                }
                current = null;
            }
        }
        return out;
    }

    private static String shadedFinalName() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (plugin.getElementsByTagName("artifactId").item(0).getTextContent().equals("maven-shade-plugin")) {
                return plugin.getElementsByTagName("finalName").item(0).getTextContent().strip();
            }
        }
        throw new AssertionError("aiperf-cli/pom.xml has no maven-shade-plugin");
    }
}
