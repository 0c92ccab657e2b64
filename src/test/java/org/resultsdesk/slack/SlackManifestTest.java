package org.resultsdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The app manifest asks for exactly the scopes of the Web API methods the code calls, and the slash commands. */
class SlackManifestTest {
    /** Each Web API method the bot may call, and the bot scopes it needs (conversations.info: per kind of channel). */
    static final Map<String, List<String>> SCOPES = Map.of(
            "authTest", List.of(),
            "chatPostMessage", List.of("chat:write"),
            "chatUpdate", List.of("chat:write"),
            "conversationsInfo", List.of("channels:read", "groups:read", "im:read", "mpim:read"),
            "conversationsJoin", List.of("channels:join"),
            "usersInfo", List.of("users:read"),
            "filesGetUploadURLExternal", List.of("files:write"),
            "filesCompleteUploadExternal", List.of("files:write"),
            "getSlackHttpClient", List.of());

    static final Pattern CALL = Pattern.compile("methods(?:\\((?:[^()]|\\([^()]*\\))*\\))?\\.([a-z][A-Za-z]+)\\(");

    @Test
    void theManifestListsExactlyTheScopesUsed() throws IOException {
        Set<String> called = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CALL.matcher(Files.readString(source));
                while (m.find()) {
                    called.add(m.group(1));
                }
            }
        }
        assertThat(called)
                .as("add the scopes of a newly called method to SCOPES and the manifest")
                .isSubsetOf(SCOPES.keySet())
                .contains("chatPostMessage", "conversationsInfo", "usersInfo");
        Set<String> needed = new TreeSet<>(Set.of("commands"));
        called.forEach(method -> needed.addAll(SCOPES.get(method)));

        JsonNode manifest = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("config/slack-app-manifest.yml").toFile());
        Set<String> declared = new TreeSet<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> declared.add(s.asText()));
        assertThat(declared).isEqualTo(needed);
    }
}
