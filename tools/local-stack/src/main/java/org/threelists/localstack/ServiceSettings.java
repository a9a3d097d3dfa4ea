package org.threelists.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service is told about its surroundings, and the environment variables that tell it. Quarkus maps
 * QUARKUS_DATASOURCE_JDBC_URL to quarkus.datasource.jdbc.url and so on, so services need no local profile.
 *
 * @param jdbcUrl               the URL of the service's own database
 * @param kafkaBootstrapServers e.g. localhost:9092
 * @param jwtPublicKeyFile      the PEM file of the key that verifies bearer tokens
 * @param jwtIssuer             the issuer that tokens must name
 * @param piiMasterKey          base64 of 32 bytes; the key that protects residents' personal data at rest
 * @param extraEnvironment      anything else, added last (so it can override the above)
 */
public record ServiceSettings(String jdbcUrl, String databaseUser, String databasePassword, String kafkaBootstrapServers,
                              Path jwtPublicKeyFile, String jwtIssuer, String piiMasterKey,
                              Map<String, String> extraEnvironment) {

    public static final String HTTP_PORT = "QUARKUS_HTTP_PORT";
    public static final String JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";
    public static final String DATABASE_USER = "QUARKUS_DATASOURCE_USERNAME";
    public static final String DATABASE_PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String JWT_PUBLIC_KEY_LOCATION = "MP_JWT_VERIFY_PUBLICKEY_LOCATION";
    public static final String JWT_ISSUER = "MP_JWT_VERIFY_ISSUER";
    public static final String PII_MASTER_KEY = "THREELISTS_PII_MASTER_KEY";
    public static final String CHECK_IN_KEY = "THREELISTS_CHECK_IN_KEY";
    /**
     * The console's proxy runs on this machine: its X-Forwarded-For names each visitor to the services' public rate
     * limit (libs/platform/README.md, "Public rate limit").
     */
    public static final String TRUSTED_PROXIES = "THREELISTS_PUBLIC_RATE_LIMIT_TRUSTED_PROXIES";
    /**
     * Signs demand-list's and the matchmaker's check-in codes (their READMEs, "Check-in and check-out", "Check-in and
     * reconciliation"). Codes live minutes, so a key of this launch's own is enough: nothing signed with it outlives
     * the run.
     */
    private static final String LAUNCH_CHECK_IN_KEY = randomKey();

    public ServiceSettings {
        extraEnvironment = Map.copyOf(extraEnvironment);
    }

    public Map<String, String> environment(int httpPort) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(HTTP_PORT, Integer.toString(httpPort));
        environment.put(JDBC_URL, jdbcUrl);
        environment.put(DATABASE_USER, databaseUser);
        environment.put(DATABASE_PASSWORD, databasePassword);
        environment.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers);
        environment.put(JWT_PUBLIC_KEY_LOCATION, jwtPublicKeyFile.toAbsolutePath().toString());
        environment.put(JWT_ISSUER, jwtIssuer);
        environment.put(PII_MASTER_KEY, piiMasterKey);
        environment.put(CHECK_IN_KEY, LAUNCH_CHECK_IN_KEY);
        environment.put(TRUSTED_PROXIES, "127.0.0.1,0:0:0:0:0:0:0:1");
        environment.putAll(extraEnvironment);
        return environment;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
