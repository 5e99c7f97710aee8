package io.aiperf.cli.kube;

import java.util.List;

/**
 * What {@code aiperf kube render} was asked for, checked: the objects' names, the image, the bus port, the worker
 * pods and their resources, where the credentials and the artifacts come from.
 *
 * @param name                  prefix of every object's name
 * @param namespace             the objects' namespace, or null for kubectl's current one
 * @param workers               worker pods (the controller's {@code --remote-workers})
 * @param zmqBasePort           the controller's credits port; events and records are the next two
 * @param remoteWorkersTimeoutS the controller's {@code --remote-workers-join-timeout}, or null for its default
 * @param apiKeySecret          the Secret whose {@value #API_KEY_SECRET_KEY} key is the API key, or null
 * @param secretEnvs            further controller variables read from Secrets, for {@code $(VAR)} arguments
 * @param artifactsClaim        a PersistentVolumeClaim the artifacts go to, or null for a volume in the pod that a
 *                              waiting container keeps for {@code kubectl cp}
 */
record KubeRun(String name, String namespace, String image, int workers, int zmqBasePort,
               Integer remoteWorkersTimeoutS, Resources workerResources, Resources controllerResources,
               String apiKeySecret, List<SecretEnv> secretEnvs, String artifactsClaim) {

    /** The key of {@code --api-key-secret}'s Secret that holds the key (the controller's variable of that name). */
    static final String API_KEY_SECRET_KEY = "OPENAI_API_KEY";

    /** The bus's three ports, as the controller binds them: credits, events, records. */
    static final List<String> BUS_PORT_NAMES = List.of("credits", "events", "records");

    KubeRun {
        secretEnvs = List.copyOf(secretEnvs);
    }

    /** A container's CPU and memory request (memory is also its limit). */
    record Resources(String cpu, String memory) {
    }

    String controllerName() {
        return name + "-controller";
    }

    String workersName() {
        return name + "-workers";
    }

    /** The name the worker pods reach the controller by: its Service, qualified when the namespace is known. */
    String controllerHost() {
        return namespace == null ? controllerName() : controllerName() + "." + namespace + ".svc";
    }
}
