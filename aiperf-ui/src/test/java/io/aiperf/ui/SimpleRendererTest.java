package io.aiperf.ui;

import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.RunStage;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleRendererTest {

    private static final long S = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static RunView view() {
        return new RunView(new RunHeader("m", "chat", "http://h", "concurrency 4", -1, false, null));
    }

    @Test
    void onATerminalOneLinePerPhaseIsRewrittenInPlaceAtMostOnceASecond() {
        SimpleRenderer r = new SimpleRenderer(out, true);
        RunView view = view();
        view.accept(new RunProgress(CreditPhase.PROFILING, 10, 10, 0, 100, 4, S));
        view.tick(0);
        r.onTick(view, 0);
        view.accept(new RunProgress(CreditPhase.PROFILING, 30, 30, 0, 100, 4, 2 * S));
        view.tick(S / 2);
        r.onTick(view, S / 2); // within the second: not drawn
        view.tick(S);
        r.onTick(view, S);
        String s = printed();
        assertThat(s).doesNotContain("\n").doesNotContain("\u001b");
        assertThat(s.split("\r", -1)).hasSize(3); // two draws, each starting with \r
        assertThat(s).contains("Profiling [", "]  30% 30/100 | 20.0 req/s | ETA 4 s | errors 0");

        view.accept(new RunStage("processing", 1, -1));
        view.tick(S + 1);
        r.onTick(view, S + 1);
        r.close();
        assertThat(printed()).contains("\n\rProcessing: 0 records; writing exports").endsWith("\n");
    }

    @Test
    void theLastStateIsDrawnAtTheEndEvenWithinTheSecond() {
        SimpleRenderer r = new SimpleRenderer(out, true);
        RunView view = view();
        view.accept(new RunProgress(CreditPhase.PROFILING, 36, 36, 0, 40, 4, S));
        r.onTick(view, 0);
        view.accept(new RunProgress(CreditPhase.PROFILING, 40, 40, 0, 40, 0, S));
        r.finish(view, 1);
        r.close();
        assertThat(printed()).contains("100% 40/40").endsWith("\n");
    }

    @Test
    void aPhaseThatEndsBetweenTwoDrawsStillShowsItsLastCount() {
        SimpleRenderer r = new SimpleRenderer(out, true);
        RunView view = view();
        feed(r, view, new RunProgress(CreditPhase.WARMUP, 8, 8, 0, 16, 4, S), 0);
        r.onTick(view, 0);
        feed(r, view, new RunProgress(CreditPhase.WARMUP, 16, 16, 0, 16, 0, S), 1);
        feed(r, view, new RunProgress(CreditPhase.PROFILING, 4, 0, 0, 40, 4, 0), 2);
        view.accept(new RunStage("profiling", 1, -1));
        r.onTick(view, 3);
        feed(r, view, new RunProgress(CreditPhase.PROFILING, 40, 40, 0, 40, 0, S), 4);
        view.accept(new RunStage("processing", 1, -1));
        r.onTick(view, 5);
        r.close();
        assertThat(printed().split("\n")).hasSize(3);
        assertThat(printed()).contains("100% 16/16 |", "100% 40/40 |", "Processing: 0 records");
    }

    private static void feed(SimpleRenderer r, RunView view, RunProgress p, long nowNs) {
        view.accept(p);
        r.onMessage(p, view, nowNs);
    }

    @Test
    void aNoticeEndsTheOpenLineFirst() {
        SimpleRenderer r = new SimpleRenderer(out, true);
        RunView view = view();
        view.accept(new RunProgress(CreditPhase.PROFILING, 1, 1, 0, 10, 1, S));
        r.onTick(view, 0);
        r.line("aiperf: warning: something", out);
        assertThat(printed()).contains("\naiperf: warning: something\n");
    }

    @Test
    void withoutATerminalEachUpdateIsAPlainLineWithAnAsciiBar() {
        SimpleRenderer r = new SimpleRenderer(out, false);
        RunView view = view();
        view.accept(new RunProgress(CreditPhase.PROFILING, 50, 50, 1, 100, 4, S));
        r.onTick(view, 0);
        r.onTick(view, 2 * S); // nothing changed: no second identical line
        r.close();
        assertThat(printed()).doesNotContain("\r").doesNotContain("\u001b").doesNotContain("█")
                .isEqualTo("Profiling [###############...............]  50% 50/100 | - req/s | ETA - | errors 1\n");
    }
}
