package org.resultsdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Configuration from {@code config/results-desk.yml}, each key overridable by an environment variable named by
 * upper-casing the key and turning dots and dashes into underscores: {@code telegram.bot-token} is
 * {@code TELEGRAM_BOT_TOKEN}. Blank values count as unset.
 */
public final class Config {
    private final Map<String, String> fileValues;
    private final Map<String, String> environment;

    private Config(Map<String, String> fileValues, Map<String, String> environment) {
        this.fileValues = Map.copyOf(fileValues);
        this.environment = Map.copyOf(environment);
    }

    public static Config of(Map<String, String> fileValues, Map<String, String> environment) {
        return new Config(fileValues, environment);
    }

    /** Reads the YAML file if it exists (a missing file means "all defaults") and overlays the environment. */
    public static Config load(Path file, Map<String, String> environment) {
        Map<String, String> flat = new TreeMap<>();
        if (Files.exists(file)) {
            try {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                if (root != null && !root.isMissingNode() && !root.isNull()) {
                    if (!root.isObject()) {
                        throw new IllegalArgumentException("configuration file " + file
                                + " must hold keys such as \"feeds:\" and \"store:\", not a "
                                + root.getNodeType().toString().toLowerCase(Locale.ROOT));
                    }
                    flatten("", root, flat);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read configuration " + file + ": "
                                + e.getMessage().lines().findFirst().orElse("").strip(),
                        e);
            }
        }
        return of(flat, environment);
    }

    /** The keys the file set, blank or not: what {@link KeyCheck} compares with the keys there are. */
    public java.util.Set<String> fileKeys() {
        return new java.util.TreeSet<>(fileValues.keySet());
    }

    /** The environment this configuration overlays. */
    public Map<String, String> environment() {
        return environment;
    }

    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A copy with one key set, above both file and environment: how a mode such as replay overrides a key. */
    public Config with(String key, String value) {
        Map<String, String> file = new TreeMap<>(fileValues);
        file.put(key, value);
        Map<String, String> env = new TreeMap<>(environment);
        env.remove(envName(key));
        return new Config(file, env);
    }

    /** The environment variable if set, else the file's value; blank counts as unset. */
    public Optional<String> get(String key) {
        String value = environment.get(envName(key));
        if (value == null || value.isBlank()) {
            value = fileValues.get(key);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        String raw = get(key).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "configuration key " + key + " (" + envName(key) + ") must be a whole number, not '" + raw + "'");
        }
    }

    /** A whole number of at least {@code min}. */
    public int getInt(String key, int defaultValue, int min) {
        int value = getInt(key, defaultValue);
        if (value < min) {
            throw new IllegalArgumentException(
                    "configuration key " + key + " (" + envName(key) + ") must be at least " + min + ", not " + value);
        }
        return value;
    }

    /** A date written as 2024-07-04. */
    public java.time.LocalDate getDate(String key, java.time.LocalDate defaultValue) {
        String raw = get(key).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return java.time.LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("configuration key " + key + " (" + envName(key)
                    + ") must be a date such as 2029-08-15, not '" + raw + "'");
        }
    }

    /** One of a few words, in any case; answered in upper case. */
    public String getChoice(String key, String defaultValue, java.util.Set<String> choices) {
        String value = get(key, defaultValue).strip().toUpperCase(Locale.ROOT);
        if (!choices.contains(value)) {
            throw new IllegalArgumentException("configuration key " + key + " (" + envName(key) + ") must be one of "
                    + String.join(", ", new java.util.TreeSet<>(choices)).toLowerCase(Locale.ROOT) + ", not '"
                    + get(key, defaultValue) + "'");
        }
        return value;
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String raw = get(key).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default ->
                throw new IllegalArgumentException("configuration key " + key + " (" + envName(key)
                        + ") must be true or false, not '" + raw + "'");
        };
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.isTextual() ? node.textValue() : node.toString());
        }
    }
}
