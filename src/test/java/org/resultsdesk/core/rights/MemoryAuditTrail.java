package org.resultsdesk.core.rights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.resultsdesk.core.model.AuditEntry;
import org.resultsdesk.core.port.AuditTrail;

/** The audit trail in a list, for core tests. */
public final class MemoryAuditTrail implements AuditTrail {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry record(AuditEntry e) {
        AuditEntry stored = new AuditEntry(
                entries.size() + 1, e.at(), e.askedIn(), e.userId(), e.userName(), e.action(), e.detail());
        entries.add(stored);
        return stored;
    }

    @Override
    public synchronized List<AuditEntry> latest(int limit) {
        return entries.stream()
                .sorted(Comparator.comparing(AuditEntry::at)
                        .thenComparing(AuditEntry::id)
                        .reversed())
                .limit(limit)
                .toList();
    }
}
