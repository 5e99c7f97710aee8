package io.aiperf.cli.kube;

import io.aiperf.core.error.UsageException;

/**
 * {@code --secret-env VAR=SECRET:KEY}: the controller's environment variable {@code VAR} read from key {@code KEY}
 * of the Kubernetes Secret {@code SECRET}, so that a profile argument can say {@code $(VAR)} (Kubernetes expands it
 * in the container's arguments) instead of the manifests holding the value.
 */
record SecretEnv(String variable, String secretName, String key) {

    static final String OPTION = "--secret-env";

    static SecretEnv parse(String value) {
        int equals = value.indexOf('=');
        int colon = value.lastIndexOf(':');
        if (equals <= 0 || colon < equals + 2 || colon == value.length() - 1) {
            throw new UsageException(OPTION + " '" + value + "': expected VAR=SECRET:KEY (the variable, the "
                    + "Secret's name and its key)");
        }
        return new SecretEnv(KubeValues.envName(OPTION, value.substring(0, equals)),
                KubeValues.objectName(OPTION, value.substring(equals + 1, colon)),
                KubeValues.secretKey(OPTION, value.substring(colon + 1)));
    }
}
