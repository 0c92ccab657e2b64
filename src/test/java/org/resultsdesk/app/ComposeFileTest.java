package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * compose.yaml, read as compose reads it (anchors and merge keys resolved): each desk instance is built from this
 * repository, publishes its own ops port and checks its health on the port it serves, and docs/operations.md points
 * to the file rather than carrying a copy that could drift.
 */
class ComposeFileTest {
    @Test
    @SuppressWarnings("unchecked")
    void eachInstanceIsBuiltHereAndItsHealthCheckFollowsItsOpsPort() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> desks = services.keySet().stream()
                .filter(name -> name.startsWith("desk"))
                .toList();
        assertThat(desks).hasSizeGreaterThanOrEqualTo(2);

        for (String name : desks) {
            Map<String, Object> desk = services.get(name);
            assertThat(desk.get("build")).as(name).isEqualTo(".");
            Map<String, Object> environment = (Map<String, Object>) desk.get("environment");
            String opsPort = String.valueOf(environment.get("OPS_PORT"));
            assertThat(opsPort).as(name).matches("\\d+");
            List<String> test = (List<String>) ((Map<String, Object>) desk.get("healthcheck")).get("test");
            // $$ is compose's escape: the container's shell expands OPS_PORT, so the check follows the setting.
            assertThat(String.join(" ", test)).as(name).contains("127.0.0.1:$${OPS_PORT:-8081}/healthz");
            assertThat((List<String>) desk.get("ports")).as(name).contains(opsPort + ":" + opsPort);
        }
        assertThat(desks.stream()
                        .map(n -> ((Map<String, Object>) services.get(n).get("environment")).get("OPS_PORT"))
                        .distinct())
                .as("each instance on its own host port")
                .hasSameSizeAs(desks);

        String operations = Files.readString(Path.of("docs/operations.md"));
        assertThat(operations).contains("(../compose.yaml)").doesNotContain("services:\n  db:");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("${OPS_PORT:-8081}/healthz");
    }
}
