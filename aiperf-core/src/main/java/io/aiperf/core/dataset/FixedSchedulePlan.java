package io.aiperf.core.dataset;

import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.model.Conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The send schedule of a fixed-schedule run ({@code --fixed-schedule}): when each conversation's first turn is due,
 * relative to the start of the phase. Pure: built from the conversations and the options only.
 *
 * <p>Semantics (AIPerf's): timestamps are milliseconds on the trace's own clock. A conversation is kept when
 * {@code startOffsetMs <= timestamp <= endOffsetMs} (each bound only when given; both inclusive). Time zero is the
 * first kept timestamp with {@code autoOffset}, else {@code startOffsetMs} when given, else 0 (timestamps are then
 * offsets from the phase start). Entries are sorted by timestamp; equal timestamps keep the input order. Each entry's
 * offset is {@code round((timestamp - zero) * 1e6)} nanoseconds. Later turns are not part of the plan: a later turn
 * with a timestamp is due at that absolute time, one with a delay that long after the previous response, any other
 * at once.
 *
 * @param zeroMs   the trace time that maps to the phase start
 * @param entries  the kept conversations in send order
 * @param dropped  conversations left out by the window
 */
public record FixedSchedulePlan(double zeroMs, List<Entry> entries, int dropped) {

    /**
     * @param conversation the conversation to start
     * @param timestampMs  its first turn's timestamp on the trace clock
     * @param offsetNs     when to send it, in nanoseconds after the phase start ({@code >= 0})
     */
    public record Entry(Conversation conversation, double timestampMs, long offsetNs) {
    }

    public FixedSchedulePlan {
        entries = List.copyOf(entries);
    }

    /** Options meaning "no window, no shift". */
    public static final LoadConfig.FixedSchedule NO_OFFSETS = new LoadConfig.FixedSchedule(false, null, null);

    /**
     * Builds the plan.
     *
     * @param options the {@code --fixed-schedule-*} options; null = {@link #NO_OFFSETS}
     * @throws IllegalArgumentException when a conversation's first turn has no timestamp, the window is empty
     *                                  (start after end), or no conversation starts within it
     */
    public static FixedSchedulePlan of(List<Conversation> conversations, LoadConfig.FixedSchedule options) {
        LoadConfig.FixedSchedule fs = options == null ? NO_OFFSETS : options;
        checkWindow(fs);
        List<Conversation> kept = new ArrayList<>(conversations.size());
        for (Conversation c : conversations) {
            Double ts = c.firstTurn().timestampMs();
            if (ts == null) {
                throw new IllegalArgumentException("conversation " + c.conversationId()
                        + " has no timestamp on its first turn; a fixed schedule needs one on every conversation");
            }
            if (inWindow(ts, fs)) {
                kept.add(c);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no conversation starts within the fixed-schedule window ["
                    + (fs.startOffsetMs() == null ? "-inf" : fs.startOffsetMs()) + ", "
                    + (fs.endOffsetMs() == null ? "+inf" : fs.endOffsetMs()) + "] ms");
        }
        kept.sort(Comparator.comparingDouble(c -> c.firstTurn().timestampMs())); // stable
        double zero = fs.autoOffset() ? kept.get(0).firstTurn().timestampMs()
                : fs.startOffsetMs() != null ? fs.startOffsetMs() : 0.0;
        List<Entry> entries = new ArrayList<>(kept.size());
        for (Conversation c : kept) {
            double ts = c.firstTurn().timestampMs();
            entries.add(new Entry(c, ts, Math.round((ts - zero) * 1_000_000.0)));
        }
        return new FixedSchedulePlan(zero, entries, conversations.size() - kept.size());
    }

    /** Whether a first-turn timestamp is inside the options' window (bounds inclusive; absent bounds are open). */
    public static boolean inWindow(double timestampMs, LoadConfig.FixedSchedule options) {
        if (options == null) {
            return true;
        }
        return (options.startOffsetMs() == null || timestampMs >= options.startOffsetMs())
                && (options.endOffsetMs() == null || timestampMs <= options.endOffsetMs());
    }

    private static void checkWindow(LoadConfig.FixedSchedule fs) {
        if (fs.startOffsetMs() != null && fs.endOffsetMs() != null && fs.startOffsetMs() > fs.endOffsetMs()) {
            throw new IllegalArgumentException("fixed-schedule start offset " + fs.startOffsetMs()
                    + " ms is after the end offset " + fs.endOffsetMs() + " ms");
        }
    }

    public int size() {
        return entries.size();
    }

    /** The last entry's offset: how long the first turns take to send, in nanoseconds. */
    public long spanNs() {
        return entries.get(entries.size() - 1).offsetNs();
    }
}
