# Build with the same command CI runs, then run on a slim JRE as an unprivileged user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY config ./config
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl libfreetype6 && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app resultsdesk
WORKDIR /app
COPY --from=build /src/target/results-desk.jar /app/results-desk.jar
COPY --from=build /src/config /app/config
RUN mkdir -p /app/data /app/feeds && chown -R resultsdesk /app/data /app/feeds
USER resultsdesk
ENV STORE_DATA_DIRECTORY=/app/data
VOLUME ["/app/config", "/app/data", "/app/feeds"]
EXPOSE 8081 3000 8443
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8081/healthz || exit 1
ENTRYPOINT ["java", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true", "-jar", "/app/results-desk.jar"]
