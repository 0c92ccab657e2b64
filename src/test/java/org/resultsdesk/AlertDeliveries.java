package org.resultsdesk;

import java.time.Clock;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.SubscriptionStore;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiSendBudget;

/** Alert delivery as the tests run it, one pass at a time: default settings, nobody listening. */
public final class AlertDeliveries {
    private AlertDeliveries() {}

    /**
     * Delivers the alerts in {@code outbox} through {@code gateway} to the channels {@code subscriptions} names, as
     * {@code composer} writes them, within the send budget kept in {@code database}.
     */
    public static AlertDelivery withDefaults(
            ChatGateway gateway,
            AlertStore outbox,
            SubscriptionStore subscriptions,
            AlertComposer composer,
            Database database,
            Clock clock) {
        return new AlertDelivery(
                gateway,
                outbox,
                subscriptions,
                composer,
                new JdbiSendBudget(database),
                clock,
                AlertDelivery.Settings.DEFAULTS,
                new AlertDelivery.Listener() {});
    }
}
