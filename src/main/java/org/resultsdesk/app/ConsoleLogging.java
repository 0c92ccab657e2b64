package org.resultsdesk.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Keeps the log off the interactive console's prompt: once the prompt is up, log lines go to a file instead of the
 * terminal (the start-up lines before it stay on the terminal, where a failing start is read).
 */
final class ConsoleLogging {
    static final String FILE_NAME = "results-desk.log";

    private ConsoleLogging() {}

    /**
     * From now on the root logger writes to {@code file} (appending) instead of the terminal, in the text layout; the
     * JSON layout of LOGGING_FORMAT=JSON is for log shippers, which read no interactive console. Returns the file.
     */
    static Path toFile(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("CONSOLE_FILE");
        appender.setFile(file.toAbsolutePath().toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            return file;
        }
        List<Appender<ILoggingEvent>> terminal = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            terminal.add(it.next());
        }
        root.addAppender(appender);
        terminal.forEach(a -> root.detachAppender(a));
        return file;
    }
}
