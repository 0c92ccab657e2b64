package org.resultsdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps SQLite's native library in the data directory, so that a start loads it from there instead of having the
 * driver extract it to the temporary directory again and compare it byte by byte with the copy in the jar, which
 * cost a tenth of a second of every start. The file is named by the driver's version, so an upgrade writes a new one;
 * it is written under a temporary name and renamed, so an instance starting beside another never loads half a file.
 * When anything here fails, or the operator has named a library, the driver's own loading is left to do its work.
 */
final class SqliteNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {}

    /** Points the driver at the data directory's copy, writing it first if need be. */
    static void useCopyIn(Path dataDirectory) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        // The driver's resource path starts with a slash: absolute, as getResource wants it.
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            Path folder = dataDirectory.resolve("native");
            String name = "sqlite-" + SQLiteJDBCLoader.getVersion() + "-" + LibraryLoaderUtil.getNativeLibName();
            Path library = folder.resolve(name);
            long size = resourceSize(resource);
            if (!Files.isRegularFile(library) || Files.size(library) != size) {
                Files.createDirectories(folder);
                Path part = Files.createTempFile(folder, name, ".part");
                try {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            System.setProperty(NAME_PROPERTY, name);
            System.setProperty(PATH_PROPERTY, folder.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            LOG.debug("SQLite's native library stays with the driver's own loading: {}", e.toString());
        }
    }

    /** The entry's size as the jar records it, read without inflating the entry. */
    private static long resourceSize(String resource) throws IOException {
        java.net.URL url = SQLiteJDBCLoader.class.getResource(resource);
        return url == null ? -1 : url.openConnection().getContentLengthLong();
    }
}
