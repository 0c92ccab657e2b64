package org.resultsdesk.store;

/** The same cases on PostgreSQL ({@link TestPostgres}: embedded unless STORE_TEST_JDBC_URL names a server). */
class PostgresStoreContractTest extends StoreContract {
    private TestPostgres.Schema schema;

    @Override
    Database open() {
        schema = TestPostgres.freshSchema("rd_test");
        return schema.open();
    }

    @Override
    Database openAnother() {
        return schema.open();
    }

    @Override
    void cleanUp() {
        schema.close();
    }
}
