package org.resultsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.core.model.ChatContext.Platform;

class SqliteStoreContractTest extends StoreContract {
    @TempDir
    Path dataDirectory;

    @Override
    Database open() {
        return Database.sqlite(dataDirectory);
    }

    @Override
    Database openAnother() {
        return Database.sqlite(dataDirectory);
    }

    @Test
    void stateSurvivesReopeningTheFile() {
        ledger.firstSeen(Platform.TELEGRAM, "7");
        alerts.record(kingswood(1), java.util.List.of());
        database.close();

        database = Database.sqlite(dataDirectory);
        assertThat(new JdbiUpdateLedger(database, java.time.Clock.systemUTC()).firstSeen(Platform.TELEGRAM, "7"))
                .isFalse();
        assertThat(new JdbiAlertStore(database).declarationsAfter(0, 10)).hasSize(1);
    }
}
