package org.resultsdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks on the file system that reading the settings cannot make: a feed directory that is missing (created only
 * when feeds.create-directory says so) or is a file, a data directory that is a file. Each failure is one line
 * naming the key and what to do, before anything starts.
 */
final class StartupChecks {
    private StartupChecks() {}

    static void run(Settings settings) {
        settings.feeds()
                .directory()
                .ifPresent(d -> feedDirectory(d, settings.feeds().createDirectory()));
        if (settings.store().jdbcUrl().isEmpty()) {
            notAFile("store.data-directory", settings.store().dataDirectory(), "the directory for the database");
        }
    }

    private static void feedDirectory(Path directory, boolean create) {
        notAFile("feeds.directory", directory, "the directory the feed sync writes into");
        if (Files.isDirectory(directory)) {
            if (!Files.isReadable(directory)) {
                throw new IllegalArgumentException("configuration key feeds.directory (FEEDS_DIRECTORY) names "
                        + directory + ", which this user cannot read: give the bot's user read access");
            }
            return;
        }
        if (!create) {
            throw new IllegalArgumentException("configuration key feeds.directory (FEEDS_DIRECTORY) names " + directory
                    + ", which does not exist: correct the path, create the directory, or set"
                    + " feeds.create-directory (FEEDS_CREATE_DIRECTORY) to true");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalArgumentException("configuration key feeds.directory (FEEDS_DIRECTORY): could not create "
                    + directory + " (" + e.getClass().getSimpleName() + "): create it by hand or correct the path");
        }
    }

    private static void notAFile(String key, Path path, String what) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException("configuration key " + key + " (" + Config.envName(key) + ") names "
                    + path + ", which is a file, not a directory: name " + what);
        }
    }
}
