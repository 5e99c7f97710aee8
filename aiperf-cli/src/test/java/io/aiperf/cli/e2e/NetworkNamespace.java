package io.aiperf.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace joined to this host by a veth pair, for a process that must reach the test's servers over a
 * real network interface rather than loopback, as a worker on another host does: a /30 of {@code 10.213.0.0/16}
 * each, the namespace end with its default route through the host end, so from inside it every address of this
 * host (the host ends of other namespaces too) is reachable. Needs root and {@code ip netns}: {@link #available}
 * says whether this machine has both. Names and addresses follow this JVM's pid, so suites of several clones do not
 * collide; {@link #close} removes both.
 */
final class NetworkNamespace implements AutoCloseable {

    private final String name;
    private final String hostLink;
    private final String hostAddress;

    private NetworkNamespace(String name, String hostLink, String hostAddress) {
        this.name = name;
        this.hostLink = hostLink;
        this.hostAddress = hostAddress;
    }

    /** This process runs as root and can create (and remove) a namespace. */
    static boolean available() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        String probe = "aiperf-probe-" + ProcessHandle.current().pid();
        try {
            if (ip("netns", "add", probe) != 0) {
                return false;
            }
            return ip("netns", "delete", probe) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Creates namespace number {@code n} (1 to 62; one /30 per number).
     *
     * @throws IOException when an {@code ip} command fails (what was made so far is removed)
     */
    static NetworkNamespace create(int n) throws IOException {
        long pid = ProcessHandle.current().pid() % 100_000;
        // Interface names have at most 15 characters.
        String name = "aiperf-it-" + pid + "-" + n;
        String hostLink = "aip" + pid + "h" + n;
        String nsLink = "aip" + pid + "n" + n;
        // A /30 per namespace in a /24 chosen by the pid: another clone's suite, or a pair a killed run left
        // behind, is then on other addresses.
        String prefix = "10.213." + (pid % 250) + ".";
        String hostAddress = prefix + (4 * n + 1);
        String nsAddress = prefix + (4 * n + 2);
        NetworkNamespace ns = new NetworkNamespace(name, hostLink, hostAddress);
        try {
            run("netns", "add", name);
            run("link", "add", hostLink, "type", "veth", "peer", "name", nsLink);
            run("link", "set", nsLink, "netns", name);
            run("addr", "add", hostAddress + "/30", "dev", hostLink);
            run("link", "set", hostLink, "up");
            run("-n", name, "addr", "add", nsAddress + "/30", "dev", nsLink);
            run("-n", name, "link", "set", nsLink, "up");
            run("-n", name, "link", "set", "lo", "up");
            run("-n", name, "route", "add", "default", "via", hostAddress);
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** This host's address on the pair: where the namespace's processes reach the host's servers. */
    String hostAddress() {
        return hostAddress;
    }

    String name() {
        return name;
    }

    /** What runs a command inside the namespace ({@code ip netns exec} execs in place: same process). */
    List<String> execPrefix() {
        return List.of("ip", "netns", "exec", name);
    }

    /** Removes the pair and the namespace; quiet about what is already gone. */
    @Override
    public void close() {
        try {
            ip("link", "delete", hostLink);
            ip("netns", "delete", name);
        } catch (IOException e) {
            throw new IllegalStateException("could not remove network namespace " + name, e);
        }
    }

    @Override
    public String toString() {
        return name + " (veth " + hostLink + ", host end " + hostAddress + ")";
    }

    private static void run(String... args) throws IOException {
        List<String> cmd = command(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (waitFor(p) != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static int ip(String... args) throws IOException {
        Process p = new ProcessBuilder(command(args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return waitFor(p);
    }

    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("ip");
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static int waitFor(Process p) throws IOException {
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ip did not answer within 10 s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
