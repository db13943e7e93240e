package farm.moonx.events.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** The top command: only subcommands, help and version. */
@Command(name = "moonx-events", mixinStandardHelpOptions = true, version = "moonx-events CLI 0.1.0",
    description = "Reads, shows and replays dead-lettered events on any Kafka cluster.",
    subcommands = {ListCommand.class, ShowCommand.class, ReplayCommand.class,
        AutoComplete.GenerateCompletion.class})
final class EventsCli {
}
