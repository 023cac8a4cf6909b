package io.aidos.server.cli;

import io.aidos.api.AiDosException;
import io.aidos.api.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code aidos}: the AI-DOS command line. Exit codes: 0 done, 1 the operation failed, 2 bad usage or input. */
@Command(name = "aidos", mixinStandardHelpOptions = true, version = "aidos 0.1.0-SNAPSHOT",
        description = "AI-DOS: datasets, runs, training, models and deployments from the command line.",
        subcommands = {ServerCommand.class, KeysCommand.class, StatusCommand.class, DatasetsCommand.class, RunsCommand.class, TrainCommand.class,
                JobsCommand.class, ModelsCommand.class, PredictCommand.class, DeployCommand.class,
                DeploymentsCommand.class, CommandLine.HelpCommand.class})
public final class AidosCli implements Runnable {

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // library chatter off the console
        }
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new AidosCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidInputException) {
                err.println("aidos: " + e.getMessage());
                return 2;
            }
            if (e instanceof AiDosException) {
                err.println("aidos: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required (see aidos --help)");
    }
}
