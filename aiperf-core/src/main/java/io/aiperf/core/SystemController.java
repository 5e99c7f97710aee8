package io.aiperf.core;

import io.aiperf.core.bus.Channel;
import io.aiperf.core.bus.PortTakenException;
import io.aiperf.core.bus.ServiceEndpoints;
import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.LogRedaction;
import io.aiperf.core.config.Secrets;
import io.aiperf.core.controller.ControllerSockets;
import io.aiperf.core.controller.ProfileRun;
import io.aiperf.core.controller.ServiceSupervisor;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.CancelRun;
import io.aiperf.core.message.Message.ControllerReady;
import io.aiperf.core.message.Message.RunFinished;
import io.aiperf.core.message.Message.Shutdown;
import io.aiperf.core.message.Message.StartRun;
import io.aiperf.core.service.JvmLauncher;
import io.aiperf.core.service.ParentWatch;
import io.aiperf.core.service.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The system-controller process ({@code aiperf service --type system_controller}). It binds the control, events
 * and credits channels, tells the CLI it is up, starts the records manager and the workers (as JVMs of their own),
 * takes the run's configuration, and hands it to a {@link ProfileRun}: that prepares the inputs, issues every
 * credit from the load engine ({@link io.aiperf.core.load}), and has the records manager write the exports. When the
 * run is over it reports to the CLI and shuts every service down. One thread (this one) owns every socket.
 */
public final class SystemController implements Service {

    private static final Logger log = LoggerFactory.getLogger(SystemController.class);

    private static final long STARTUP_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    private final String id;
    private final ServiceEndpoints endpoints;
    private final Path logFile;
    private final int workers;
    private final int zmqPort;

    /**
     * @param workers how many workers to start, with the records manager, before the run's configuration arrives
     *                (0: start them when it does)
     * @param zmqPort {@code --zmq-port}: the first fixed port of the channels workers on other hosts dial (0: none)
     */
    public SystemController(String id, ServiceEndpoints endpoints, Path logFile, int workers, int zmqPort) {
        this.id = id;
        this.endpoints = endpoints;
        this.logFile = logFile;
        this.workers = workers;
        this.zmqPort = zmqPort;
    }

    @Override
    public int run() {
        ControllerSockets sockets = null;
        try (ZmqBus bus = ZmqBus.bindingBeside(endpoints.get(Channel.CLI_INBOX));
             ServiceSupervisor services = new ServiceSupervisor(zmqPort)) {
            ParentWatch.start(System.in, () -> {
                log.warn("the aiperf CLI is gone; stopping every service and exiting");
                services.close();
                Runtime.getRuntime().halt(1);
            });
            ZMQ.Socket toCli = bus.connect(Channel.CLI_INBOX, endpoints.get(Channel.CLI_INBOX));
            try {
                sockets = ControllerSockets.open(bus, toCli, zmqPort);
            } catch (PortTakenException e) {
                ZmqBus.send(toCli, RunFinished.failed(e.getMessage()));
                return 1;
            }
            sockets.toCli(new ControllerReady(ZmqBus.endpointOf(sockets.control()),
                    ZmqBus.endpointOf(sockets.events()), ProcessHandle.current().pid()));
            if (workers > 0) {
                // The services' JVMs take longest to come up: they boot while the configuration comes and is read.
                services.start(workers, JvmLauncher.logLevel(), logFile, sockets.forServices());
            }
            BenchmarkConfig config = awaitStartRun(sockets);
            if (config == null) {
                return 1;
            }
            log.info("{} starting run {} with {} worker(s)", id, config.benchmarkId(), config.service().workers());
            RunFinished finished = new ProfileRun(config, sockets, services, logFile).execute();
            sockets.toCli(finished);
            sockets.publish(new Shutdown("run complete"));
            services.awaitExit(5_000);
            return 0;
        } catch (IOException e) {
            log.error("cannot start service processes", e);
            if (sockets != null) {
                sockets.toCli(RunFinished.failed("cannot start service processes: " + OneLine.of(e)));
            }
            return 1;
        } catch (RuntimeException e) {
            log.error("controller failed", e);
            if (sockets != null) {
                sockets.toCli(RunFinished.failed(OneLine.of(e)));
            }
            return 1;
        }
    }

    private static BenchmarkConfig awaitStartRun(ControllerSockets sockets) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT_NS;
        while (System.nanoTime() < deadline) {
            Message m = ZmqBus.receive(sockets.control(), 200);
            if (m instanceof StartRun start) {
                LogRedaction.register(Secrets.of(start.config().endpoint()));
                return start.config();
            }
            if (m instanceof CancelRun) {
                return null;
            }
        }
        log.error("no StartRun from the CLI within 60 s");
        return null;
    }
}
