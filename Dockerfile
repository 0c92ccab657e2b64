# syntax=docker/dockerfile:1
# Build with the same Maven plugins CI runs (enforcer, compiler, surefire/failsafe, shade), then run on a slim JRE as
# an unprivileged user.
#   docker build -t results-desk .
#   docker build --build-arg MAVEN_MIRROR_URL=https://maven.example.internal/maven2 -t results-desk .
#   docker build --build-arg MAVEN_ARGS_EXTRA= -t results-desk .   (runs the tests too, on an embedded PostgreSQL)
FROM maven:3.9-eclipse-temurin-17 AS build
# A registry mirror for every repository (Maven Central included), written into the build's settings.xml.
ARG MAVEN_MIRROR_URL=""
# -DskipTests by default, to keep image builds short; CI runs the tests. (In the image the bundled-data conversion
# test is skipped: the Commons Library CSVs live beside the repository, not in the build context.)
ARG MAVEN_ARGS_EXTRA="-DskipTests"
WORKDIR /src
RUN mkdir -p /root/.m2 && if [ -n "$MAVEN_MIRROR_URL" ]; then \
      printf '<settings><mirrors><mirror><id>mirror</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors></settings>\n' \
        "$MAVEN_MIRROR_URL" > /root/.m2/settings.xml; \
    fi
COPY pom.xml .
COPY src ./src
COPY config ./config
# The local repository is a build cache, so a rebuild after a source change downloads nothing.
RUN --mount=type=cache,target=/root/.m2/repository mvn -B verify $MAVEN_ARGS_EXTRA

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl libfreetype6 && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app resultsdesk
WORKDIR /app
COPY --from=build /src/target/results-desk.jar /app/results-desk.jar
COPY --from=build /src/config /app/config
RUN mkdir -p /app/data /app/feeds && chown -R resultsdesk /app/data /app/feeds
# An application class-data-sharing archive made by this image's own JVM (an archive only fits the JVM that wrote
# it): one training run answers /result kingswood, and every start maps those classes instead of loading them.
RUN printf '/result kingswood\n' | OPS_PORT=0 STORE_DATA_DIRECTORY=/tmp/cds-training \
      java -XX:ArchiveClassesAtExit=/app/results-desk.jsa -Dfile.encoding=UTF-8 -Djava.awt.headless=true \
      -jar /app/results-desk.jar > /dev/null 2>&1 && rm -rf /tmp/cds-training && test -s /app/results-desk.jsa
USER resultsdesk
ENV STORE_DATA_DIRECTORY=/app/data
VOLUME ["/app/config", "/app/data", "/app/feeds"]
EXPOSE 8081 3000 8443
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${OPS_PORT:-8081}/healthz" || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/results-desk.jsa", "-XX:TieredStopAtLevel=1", "-Xmx384m", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true", \
  "-jar", "/app/results-desk.jar"]
