package io.aiperf.cli.options;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.Stack;

/**
 * AIPerf's list options ({@code -m a b}, {@code -H 'A: 1' 'B: 2'}, ...) take every value up to the next argument
 * that starts with '-'. picocli's own {@code arity = "1..*"} also swallows an unknown option such as a typo
 * ({@code -m a --strem}) as a value unless unknown options are refused as values everywhere, and then a
 * {@code --api-key} that starts with '-' would be echoed as an "unknown option". No value of these options
 * starts with '-', so ending the list there is exact. The first value is taken as it is, like any option's.
 */
public final class ValuesUntilNextOption implements CommandLine.IParameterConsumer {

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        if (args.isEmpty()) {
            throw new CommandLine.MissingParameterException(commandSpec.commandLine(), argSpec,
                    "Missing required parameter for option '" + ((CommandLine.Model.OptionSpec) argSpec).longestName()
                            + "' (" + argSpec.paramLabel() + ")");
        }
        List<String> values = argSpec.getValue();
        String split = argSpec.splitRegex();
        do {
            String value = args.pop();
            if (split.isEmpty()) {
                values.add(value);
            } else {
                values.addAll(List.of(value.split(split)));
            }
        } while (!args.isEmpty() && !args.peek().startsWith("-"));
    }
}
