package org.resultsdesk.core.seats;
import java.util.*;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.resultsdesk.core.model.Seat;
public final class SeatDirectory {
    private final Map<String, List<Seat>> byNorm = new LinkedHashMap<>();
    private final Map<String, String> display = new LinkedHashMap<>();
    public SeatDirectory(Collection<Seat> seats) { for (Seat s : seats) { String n = norm(s.name()); byNorm.computeIfAbsent(n, k -> new ArrayList<>()).add(s); display.putIfAbsent(n, s.name()); } }
    static String norm(String s) { return java.text.Normalizer.normalize(s.toLowerCase(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip(); }
    public SeatMatch find(String q) { String n = norm(q); if (byNorm.containsKey(n)) return new SeatMatch.Found(display.get(n), byNorm.get(n));
        List<String> pre = byNorm.keySet().stream().filter(k -> k.startsWith(n)).toList();
        if (pre.size() == 1) return new SeatMatch.Found(display.get(pre.get(0)), byNorm.get(pre.get(0)));
        if (pre.size() > 1) return new SeatMatch.Ambiguous(pre.stream().map(display::get).toList());
        LevenshteinDistance d = new LevenshteinDistance(3);
        List<String> sug = byNorm.keySet().stream().filter(k -> d.apply(k, n) >= 0).map(display::get).toList();
        return sug.isEmpty() ? new SeatMatch.NotFound() : new SeatMatch.Suggestions(sug); }
    public List<String> search(String text, int limit) { String n = norm(text); return byNorm.keySet().stream().filter(k -> k.contains(n)).limit(limit).map(display::get).toList(); }
}
