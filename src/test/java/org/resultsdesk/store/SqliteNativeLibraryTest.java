package org.resultsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {
    @TempDir
    Path data;

    private String path;
    private String name;

    @BeforeEach
    void clearTheDriversProperties() {
        path = System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        name = System.clearProperty(SqliteNativeLibrary.NAME_PROPERTY);
    }

    @AfterEach
    void restoreThem() {
        restore(SqliteNativeLibrary.PATH_PROPERTY, path);
        restore(SqliteNativeLibrary.NAME_PROPERTY, name);
    }

    @Test
    void theLibraryIsCopiedIntoTheDataDirectoryOnceAndTheDriverPointedAtIt() throws Exception {
        SqliteNativeLibrary.useCopyIn(data);

        Path library = data.resolve("native")
                .resolve("sqlite-" + SQLiteJDBCLoader.getVersion() + "-" + LibraryLoaderUtil.getNativeLibName());
        assertThat(library).exists();
        assertThat(Files.readAllBytes(library)).isEqualTo(theJarsCopy());
        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY))
                .isEqualTo(library.getParent().toAbsolutePath().toString());
        assertThat(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY))
                .isEqualTo(library.getFileName().toString());

        FileTime written = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(library, written);
        clearTheDriversProperties();
        SqliteNativeLibrary.useCopyIn(data);
        assertThat(Files.getLastModifiedTime(library))
                .as("the next start reuses it")
                .isEqualTo(written);
        try (Stream<Path> files = Files.list(library.getParent())) {
            assertThat(files).as("no temporary file is left behind").containsExactly(library);
        }
    }

    @Test
    void aCutShortCopyIsWrittenAgain() throws Exception {
        SqliteNativeLibrary.useCopyIn(data);
        Path library = data.resolve("native").resolve(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY));
        Files.write(library, new byte[] {1, 2, 3});

        clearTheDriversProperties();
        SqliteNativeLibrary.useCopyIn(data);

        assertThat(Files.readAllBytes(library)).isEqualTo(theJarsCopy());
    }

    @Test
    void aLibraryTheOperatorNamedIsLeftAlone() {
        System.setProperty(SqliteNativeLibrary.PATH_PROPERTY, "/opt/sqlite");

        SqliteNativeLibrary.useCopyIn(data);

        assertThat(data.resolve("native")).doesNotExist();
        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY)).isEqualTo("/opt/sqlite");
    }

    private static byte[] theJarsCopy() throws Exception {
        try (var in = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            return in.readAllBytes();
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
