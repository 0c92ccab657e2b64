package org.resultsdesk.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

/**
 * The same cases on PostgreSQL: 127.0.0.1:5432, database test, trust auth (.ci/run starts the server if it is down).
 * Each test gets a fresh schema, dropped afterwards. Override the server with RESULTS_DESK_TEST_PG_URL.
 */
class PostgresStoreContractTest extends StoreContract {
    static final String SERVER = System.getenv().getOrDefault("RESULTS_DESK_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private String schema;

    @Override
    Database open() throws Exception {
        schema = "rd_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        return Database.open(SERVER + "?currentSchema=" + schema, "postgres", null);
    }

    @Override
    void cleanUp() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
