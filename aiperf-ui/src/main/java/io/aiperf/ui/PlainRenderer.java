package io.aiperf.ui;

import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.RecordsProgress;
import io.aiperf.core.message.Message.RunProgress;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/** {@link UiMode#NONE}: the {@link ProgressPrinter}'s plain lines, not one escape code, for CI logs and pipes. */
final class PlainRenderer implements Renderer {

    private final ProgressPrinter printer;
    private final PrintStream out;

    PlainRenderer(PrintStream out) {
        this.out = out;
        this.printer = new ProgressPrinter(out, TimeUnit.SECONDS.toNanos(1));
    }

    @Override
    public void onMessage(Message m, RunView view, long nowNs) {
        if (m instanceof RunProgress p) {
            printer.onProgress(p, view.requestsInFlight(p), nowNs);
        } else if (m instanceof RecordsProgress p) {
            printer.onRecords(p, nowNs);
        }
    }

    @Override
    public void line(String text, PrintStream stream) {
        stream.println(text);
        stream.flush();
    }
}
