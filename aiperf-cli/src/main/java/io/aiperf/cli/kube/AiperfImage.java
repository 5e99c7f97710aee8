package io.aiperf.cli.kube;

import io.aiperf.core.service.AiperfVersion;

/**
 * What {@code aiperf-cli/Dockerfile} builds and the rendered pods rely on: the user the image runs as, where the
 * jar and the artifacts live. {@code DockerfileTest} checks the Dockerfile says the same.
 */
public final class AiperfImage {

    /** The image's numeric user and group: the pods' {@code runAsUser}, {@code runAsGroup} and {@code fsGroup}. */
    public static final long UID = 10001;

    /** Where the Dockerfile copies the shaded jar. */
    public static final String JAR = "/opt/aiperf/aiperf.jar";

    /** The image's working directory and the controller pod's artifacts volume. */
    public static final String ARTIFACTS_DIR = "/artifacts";

    /** The tag docs/kubernetes.md builds: {@code aiperf-jvm:VERSION}. */
    public static final String DEFAULT_IMAGE = "aiperf-jvm:" + AiperfVersion.VERSION;

    private AiperfImage() {
    }
}
