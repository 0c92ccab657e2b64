package org.resultsdesk.telegram;

import java.io.Serializable;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * One getUpdates answer read update by update: the updates that could be read, one line for each that could not, and
 * the offset that confirms them all (a {@code long}: update ids may pass 2^31 - 1).
 */
public record UpdateBatch(List<Update> updates, List<String> unreadable, long nextOffset) implements Serializable {
    public UpdateBatch {
        updates = List.copyOf(updates);
        unreadable = List.copyOf(unreadable);
    }
}
