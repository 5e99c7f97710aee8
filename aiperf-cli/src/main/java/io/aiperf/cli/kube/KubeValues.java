package io.aiperf.cli.kube;

import io.aiperf.core.error.UsageException;

import java.util.regex.Pattern;

/** The checks of the values Kubernetes puts rules on: object names, resource quantities, environment names. */
final class KubeValues {

    /**
     * A Service name must be a DNS-1035 label (a letter first); the longest name derived from {@code --name} adds
     * {@code -controller}, and Job pods add an index and a random suffix to {@code NAME-workers}: 40 leaves room.
     */
    static final int MAX_NAME_LENGTH = 40;

    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** The quantities people write (250m, 1.5, 512Mi, 2G); Kubernetes accepts a few more forms (1e3). */
    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private KubeValues() {
    }

    /** {@code --name}: the prefix of every object's name. */
    static String namePrefix(String option, String value) {
        if (value.length() > MAX_NAME_LENGTH || !DNS_1035_LABEL.matcher(value).matches()) {
            throw new UsageException(option + " '" + value + "': expected lower-case letters, digits and '-', a "
                    + "letter first, no '-' last, at most " + MAX_NAME_LENGTH + " characters (a DNS-1123 label)");
        }
        return value;
    }

    /** {@code --namespace}. */
    static String namespace(String option, String value) {
        if (value.length() > 63 || !DNS_1123_LABEL.matcher(value).matches()) {
            throw new UsageException(option + " '" + value + "': expected a DNS-1123 label (lower-case letters, "
                    + "digits and '-', at most 63 characters)");
        }
        return value;
    }

    /** A Secret's or a PersistentVolumeClaim's name. */
    static String objectName(String option, String value) {
        if (value.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(value).matches()) {
            throw new UsageException(option + " '" + value + "': expected a Kubernetes object name (lower-case "
                    + "letters, digits, '-' and '.')");
        }
        return value;
    }

    /** A Secret's key: letters, digits, '-', '_' and '.'. */
    static String secretKey(String option, String value) {
        if (value.isEmpty() || value.length() > 253 || !value.matches("[-._a-zA-Z0-9]+")) {
            throw new UsageException(option + ": secret key '" + value + "': expected letters, digits, '-', '_' "
                    + "or '.'");
        }
        return value;
    }

    /** A CPU or memory quantity such as {@code 500m} or {@code 2Gi}. */
    static String quantity(String option, String value) {
        if (!QUANTITY.matcher(value).matches() || value.matches("0+(\\.0+)?[a-zA-Z]*")) {
            throw new UsageException(option + " '" + value + "': expected a Kubernetes quantity above zero such "
                    + "as 500m, 2, 512Mi or 4Gi");
        }
        return value;
    }

    /** An environment variable's name. */
    static String envName(String option, String value) {
        if (!ENV_NAME.matcher(value).matches()) {
            throw new UsageException(option + ": '" + value + "' is not an environment variable name (letters, "
                    + "digits and '_', not a digit first)");
        }
        return value;
    }
}
