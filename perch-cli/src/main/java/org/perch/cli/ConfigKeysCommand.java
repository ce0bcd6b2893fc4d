package org.perch.cli;

import java.util.concurrent.Callable;
import org.perch.server.config.ConfigKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code perch config keys}: the key table in Markdown, the same text as in the README. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Prints every configuration key with its default and description (Markdown table).")
final class ConfigKeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ConfigKeys.markdownTable());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
