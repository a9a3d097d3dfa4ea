import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.threelists.platform.security.VerifiedTokens;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

/**
 * CPU per request spent on the bearer token (bench/README.md, "Fast path, part two"): SmallRye JWT's verification of
 * a community worker's RS256 token as the services configure it (issuer, 12-hour age), against the platform's
 * VerifiedTokens answering the same token from its cache. Thread CPU time, after a warm-up, so that the figure holds
 * on a busy machine. Run from the repository root after building demand-list:
 *
 *   java -cp 'services/demand-list/target/quarkus-app/lib/main/*' bench/micro/TokenVerificationCost.java
 */
public class TokenVerificationCost {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String issuer = "https://threelists.local/dev";
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.getPublic(), issuer);
        context.setTokenAge(43_200L);
        context.setGroupsPath("groups");

        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("worker-jiafu");
        claims.setClaim("upn", "worker-jiafu");
        claims.setAudience("threelists");
        claims.setClaim("groups", List.of("community"));
        claims.setClaim("street", "dianqian");
        claims.setClaim("community", "jiafu");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(720);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        String token = jws.getCompactSerialization();

        System.out.printf("token of %d characters, %d rounds each after as many to warm up (load average %s)%n",
                token.length(), rounds, loadAverage());
        report("verified on every request (SmallRye JWT)", new DefaultJWTCallerPrincipalFactory(), token, context, rounds);
        report("verified once, then from the cache (VerifiedTokens)", new VerifiedTokens(), token, context, rounds);
    }

    private static void report(String what, JWTCallerPrincipalFactory factory, String token, JWTAuthContextInfo context,
            int rounds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < rounds; i++) {
            factory.parse(token, context);
        }
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            if (!"worker-jiafu".equals(factory.parse(token, context).getName())) {
                throw new IllegalStateException("wrong principal");
            }
        }
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / rounds;
        double wallMicros = (System.nanoTime() - wall) / 1000.0 / rounds;
        System.out.printf("  %-52s %9.2f µs CPU per request (%.2f µs wall)%n", what, cpuMicros, wallMicros);
    }

    private static String loadAverage() throws Exception {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    }
}
