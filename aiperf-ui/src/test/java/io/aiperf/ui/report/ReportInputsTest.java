package io.aiperf.ui.report;

import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportInputsTest {

    @TempDir
    Path tmp;

    @Test
    void findsRunsByTheirFilesAtAnyNameAndDepthUpToFour() throws Exception {
        RunFixture.concurrency(1).writeTo(tmp.resolve("low"));
        RunFixture.concurrency(2).writeTo(tmp.resolve("x/y/medium"));
        RunFixture.concurrency(4).writeTo(tmp.resolve("a/b/c/high"));
        RunFixture.concurrency(8).writeTo(tmp.resolve("a/b/c/d/too_deep"));
        Files.createDirectories(tmp.resolve("empty/nothing"));

        ReportInputs.InputDir dir = ReportInputs.find(List.of(tmp)).dirs().get(0);

        assertThat(dir.points()).extracting(LoadPoint::name)
                .containsExactlyInAnyOrder("low", "x/y/medium", "a/b/c/high");
        assertThat(dir.points()).extracting(LoadPoint::concurrency).containsExactlyInAnyOrder(1.0, 2.0, 4.0);
    }

    @Test
    void aRunDirGivenDirectlyIsOnePointNamedAfterIt() {
        Path run = RunFixture.concurrency(3).record(1, 2, 3).writeTo(tmp.resolve("c3"));

        ReportInputs.InputDir dir = ReportInputs.find(List.of(run)).dirs().get(0);

        assertThat(dir.label()).isEqualTo("c3");
        assertThat(dir.points()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("c3");
            // The warm-up record the fixture writes is left out.
            assertThat(p.recordValues("time_to_first_token")).containsExactly(1.0);
        });
    }

    @Test
    void aMultiRunIsOnePointAtItsAggregateMeanAndRoundsAreApart() {
        RunFixture.multiRun(tmp.resolve("c4"), 41.0, 39.5, 42.5, RunFixture.concurrency(4), RunFixture.concurrency(4));
        RunFixture.concurrency(1).writeTo(tmp.resolve("rounds/round_2"));
        RunFixture.concurrency(1).writeTo(tmp.resolve("rounds/round_1"));

        ReportInputs.InputDir dir = ReportInputs.find(List.of(tmp)).dirs().get(0);

        assertThat(dir.points()).singleElement().isInstanceOf(MultiRun.class).satisfies(p -> {
            assertThat(p.stat("time_to_first_token", "avg")).isEqualTo(41.0);
            assertThat(p.low("time_to_first_token", "avg")).isEqualTo(39.5);
            assertThat(p.high("time_to_first_token", "avg")).isEqualTo(42.5);
            assertThat(p.concurrency()).isEqualTo(4.0);
        });
        assertThat(dir.rounds()).extracting(RunData::name).containsExactly("rounds/round_1", "rounds/round_2");
        assertThat(dir.runs()).hasSize(4);
    }

    @Test
    void aDirWithoutAnyRunIsAUsageErrorNamingIt() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("nothing/here"));

        assertThatThrownBy(() -> ReportInputs.find(List.of(empty)))
                .isInstanceOf(UsageException.class)
                .hasMessage(empty + ": no profile_export_aiperf.json found");
        assertThatThrownBy(() -> ReportInputs.find(List.of(tmp.resolve("missing"))))
                .isInstanceOf(UsageException.class).hasMessageEndingWith("missing: not a directory");
    }

    @Test
    void twoDirsWithTheSameNameGetDistinctLabels() {
        Path a = RunFixture.concurrency(1).writeTo(tmp.resolve("one/run"));
        Path b = RunFixture.concurrency(1).writeTo(tmp.resolve("two/run"));

        assertThat(ReportInputs.find(List.of(a, b)).dirs()).extracting(ReportInputs.InputDir::label)
                .containsExactly("run", "run#2");
    }
}
