package org.perch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code perch config check}: loads the configuration as {@code serve} would, without starting anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates the configuration (file, PERCH_* variables, flags) without starting the server.")
final class ConfigCheckCommand implements Callable<Integer> {

    @ParentCommand
    ConfigCommand config;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        options.load(config.cli.context().environment());
        spec.commandLine().getOut().println("configuration OK");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
