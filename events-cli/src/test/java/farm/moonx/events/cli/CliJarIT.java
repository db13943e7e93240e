package farm.moonx.events.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar the build produces runs on its own: {@code java -jar events-cli-…-all.jar}. */
class CliJarIT {
  @Test
  void theRunnableJarsMainClassPrintsHelp() throws Exception {
    Path jar = Path.of(System.getProperty("cli.jar"));
    assertThat(jar).exists();
    Path out = Files.createTempFile("cli-help", ".txt");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--help").redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    assertThat(text).contains("Usage: moonx-events", "list", "show", "replay", "generate-completion");
    out.toFile().delete();
  }
}
