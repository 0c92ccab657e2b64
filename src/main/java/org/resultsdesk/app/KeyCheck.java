package org.resultsdesk.app;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A misspelt key is not silently ignored: a key in the configuration file that is no setting stops the start, with
 * the nearest key there is ("feeds.directroy: did you mean feeds.directory?"). The environment is shared with other
 * programs, so a variable that only looks like one of ours (FEEDS_DIRECTROY) is a warning, not a failure.
 */
final class KeyCheck {
    /** The prefixes of the bot's environment variables, one per area of the settings. */
    private static final Set<String> AREAS = Settings.KEYS.stream()
            .map(key -> Config.envName(key.substring(0, key.indexOf('.') + 1)))
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> ENVIRONMENT_NAMES =
            Settings.KEYS.stream().map(Config::envName).collect(Collectors.toUnmodifiableSet());

    private KeyCheck() {}

    /** One line per key the file sets that is no setting, each with the nearest key there is. */
    static List<String> unknownFileKeys(Config config, String file) {
        return config.fileKeys().stream()
                .filter(key -> !Settings.KEYS.contains(key))
                .map(key -> "unknown configuration key " + key + " in " + file + ": "
                        + nearest(key, Settings.KEYS)
                                .map(k -> "did you mean " + k + "?")
                                .orElse("see docs/configuration.md for the keys there are"))
                .toList();
    }

    /** One line per environment variable named like the bot's (an area's prefix) that is no setting. */
    static List<String> unknownVariables(Map<String, String> environment) {
        return environment.keySet().stream()
                .filter(name -> AREAS.stream().anyMatch(name::startsWith))
                .filter(name -> !ENVIRONMENT_NAMES.contains(name))
                .sorted()
                .map(name -> "environment variable " + name + " is no setting of results-desk"
                        + nearest(name, ENVIRONMENT_NAMES)
                                .map(n -> ": did you mean " + n + "?")
                                .orElse(""))
                .toList();
    }

    /** The nearest of {@code candidates} by edit distance, if it is near enough to be a slip of the keyboard. */
    static Optional<String> nearest(String key, Set<String> candidates) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        int limit = Math.max(2, key.length() / 4);
        return candidates.stream()
                .map(c -> Map.entry(c, distance.apply(key, c)))
                .filter(e -> e.getValue() <= limit)
                .min(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }
}
