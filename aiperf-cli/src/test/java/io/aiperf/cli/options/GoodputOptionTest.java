package io.aiperf.cli.options;

import io.aiperf.cli.ProfileCommand;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.error.UsageException;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.MessageCodec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --goodput}: parsed and checked against the metric catalogue when options are resolved. */
class GoodputOptionTest {

    private static BenchmarkConfig resolve(String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(), command.loadOptions(),
                command.outputOptions(), List.of(args), false, 2, null);
    }

    @Test
    void noGoodputByDefault() {
        assertThat(resolve("-m", "m").metrics().goodput()).isEmpty();
    }

    @Test
    void slosAreKeptWithCanonicalTagsInDisplayUnitsAndTravelOverTheBus() {
        BenchmarkConfig c = resolve("-m", "m", "--streaming", "--goodput", "ttft:200 inter_token_latency:12.5");

        assertThat(c.metrics().goodput()).containsExactly(Map.entry("time_to_first_token", 200.0),
                Map.entry("inter_token_latency", 12.5));
        Message.StartRun decoded = (Message.StartRun) MessageCodec.decode(MessageCodec.encode(new Message.StartRun(c)));
        assertThat(decoded.config().metrics().goodput()).isEqualTo(c.metrics().goodput());
    }

    @Test
    void badSlosAreOneLineUsageErrors() {
        assertThatThrownBy(() -> resolve("-m", "m", "--goodput", "latency:5"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--goodput: unknown metric 'latency'");
        assertThatThrownBy(() -> resolve("-m", "m", "--goodput", "request_throughput:5"))
                .isInstanceOf(UsageException.class).hasMessageContaining("derived metric");
        assertThatThrownBy(() -> resolve("-m", "m", "--goodput", "ttft:100"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--goodput: time_to_first_token is only measured with --streaming");
        assertThatThrownBy(() -> resolve("-m", "m", "--endpoint-type", "embeddings", "--goodput",
                "output_sequence_length:5")).isInstanceOf(UsageException.class)
                .hasMessageContaining("not measured for this endpoint type");
    }
}
