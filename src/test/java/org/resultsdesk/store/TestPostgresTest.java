package org.resultsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** With no server named, the tests' PostgreSQL is the embedded one, not whatever may listen on 5432. */
class TestPostgresTest {

    @Test
    void withNoServerNamedTheEmbeddedServerIsUsed() {
        assumeTrue(
                System.getenv(TestPostgres.URL_KEY) == null && System.getProperty(TestPostgres.URL_KEY) == null,
                "a server is named, so the embedded one is rightly not used");
        assertThat(TestPostgres.isEmbedded()).isTrue();
        assertThat(TestPostgres.port()).isNotEqualTo(5432);
        try (TestPostgres.Schema schema = TestPostgres.freshSchema("rd_embedded");
                Database database = schema.open()) {
            assertThat(database.dialect()).isEqualTo(Database.Dialect.POSTGRESQL);
            String dataDirectory = database.jdbi()
                    .withHandle(h -> h.createQuery("SHOW data_directory")
                            .mapTo(String.class)
                            .one());
            assertThat(dataDirectory)
                    .as("the embedded server's data directory, under the temporary directory")
                    .startsWith(System.getProperty("java.io.tmpdir").replaceAll("/$", ""));
            String currentSchema = database.jdbi()
                    .withHandle(h -> h.createQuery("SELECT current_schema()")
                            .mapTo(String.class)
                            .one());
            assertThat(currentSchema).isEqualTo(schema.name());
        }
    }
}
