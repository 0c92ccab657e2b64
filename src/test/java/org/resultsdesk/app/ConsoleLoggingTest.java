package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The console's prompt is kept free of log lines, and the start names the configuration file it read. */
class ConsoleLoggingTest {
    @TempDir
    Path dir;

    @Test
    void onceThePromptIsUpLogLinesGoToTheFileAndNotTheTerminal() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> before = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(before::add);
        ListAppender<ILoggingEvent> terminal = new ListAppender<>();
        terminal.start();
        root.addAppender(terminal);
        try {
            Path file = ConsoleLogging.toFile(dir.resolve("data").resolve(ConsoleLogging.FILE_NAME));
            LoggerFactory.getLogger("org.resultsdesk.test").warn("a line that would break into the prompt");

            assertThat(terminal.list).isEmpty();
            assertThat(Files.readString(file)).contains("WARN").contains("a line that would break into the prompt");
        } finally {
            // Put the terminal back as it was (toFile detached it without stopping it) for the tests that follow.
            Appender<ILoggingEvent> fileAppender = root.getAppender("CONSOLE_FILE");
            root.detachAppender(terminal);
            if (fileAppender != null) {
                root.detachAppender(fileAppender);
                fileAppender.stop();
            }
            before.forEach(root::addAppender);
        }
    }

    @Test
    void theStartNamesTheConfigurationFileItRead() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger main = (Logger) LoggerFactory.getLogger(Main.class);
        main.addAppender(logs);
        try {
            Main app = new Main();
            app.loadConfig();
            app.logConfigRead();
        } finally {
            main.detachAppender(logs);
        }
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .contains(
                        "configuration: " + Main.DEFAULT_CONFIG.toAbsolutePath().normalize());
    }
}
