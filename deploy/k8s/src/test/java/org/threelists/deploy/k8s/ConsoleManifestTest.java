package org.threelists.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in the cluster, checked against its own configuration (console/src/main/resources/application.properties
 * and ConsoleConfig): a Deployment with the services' hardening and probes, a Service, a network policy that admits the
 * ingress controller and lets nothing out, the identity provider the services trust, the demo sign-in off, and an
 * Ingress that routes /api/&lt;service&gt;/… to each service as the console's own proxy does locally.
 */
class ConsoleManifestTest {

    static final String CONSOLE = "console";
    private static final java.nio.file.Path MODULE = Repo.ROOT.resolve(CONSOLE);
    /** Quarkus's default management port, which the console keeps (the images are built with the interface on). */
    private static final String DEFAULT_MANAGEMENT_PORT = "9000";

    static Stream<Rendered> overlays() {
        return Repo.OVERLAY_NAMES.stream().map(Rendered::of);
    }

    private static Container container(Deployment d) {
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void portsAndProbesAgreeWithTheConsolesApplicationProperties(Rendered r) {
        Container c = container(r.get(Deployment.class, CONSOLE));
        String port = consoleProperties().getProperty("quarkus.http.port");
        String management = consoleProperties().getProperty("quarkus.management.port", DEFAULT_MANAGEMENT_PORT);
        assertThat(c.getPorts()).extracting(ContainerPort::getName, p -> String.valueOf(p.getContainerPort()))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http", port),
                        org.assertj.core.groups.Tuple.tuple("management", management));
        assertThat(r.env(c).get("QUARKUS_HTTP_PORT").value()).isEqualTo(port);
        for (Probe probe : List.of(c.getStartupProbe(), c.getLivenessProbe())) {
            assertThat(probe.getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");

        Service service = r.get(Service.class, CONSOLE);
        assertThat(service.getSpec().getSelector()).isEqualTo(r.get(Deployment.class, CONSOLE).getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void runsHardenedWithinItsResources(Rendered r) {
        Deployment d = r.get(Deployment.class, CONSOLE);
        Container c = container(d);
        var pod = d.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        assertThat(Quantity.getAmountInBytes(requests.get("memory"))).isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("memory")));
        Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(r.env(c).get("JAVA_TOOL_OPTIONS").value());
        assertThat(heap.find()).as("an explicit heap").isTrue();
        assertThat(new java.math.BigDecimal(Long.parseLong(heap.group(1)) * 1024 * 1024))
                .as("the heap leaves room for native memory under the limit")
                .isLessThan(Quantity.getAmountInBytes(limits.get("memory")).divide(java.math.BigDecimal.valueOf(2)));
        assertThat(c.getEnv()).as("no Secret: the console keeps none").allMatch(var -> var.getValueFrom() == null);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void admitsOnlyTheIngressControllerAndLetsNothingOut(Rendered r) {
        Map<String, String> podLabels = r.get(Deployment.class, CONSOLE).getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> own = r.all(NetworkPolicy.class).stream()
                .filter(p -> !Rendered.selectsAll(p.getSpec().getPodSelector()) && Rendered.matches(p.getSpec().getPodSelector(), podLabels))
                .toList();
        assertThat(own).hasSize(1);
        NetworkPolicy policy = own.get(0);
        int port = Integer.parseInt(consoleProperties().getProperty("quarkus.http.port"));
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(port));
            assertThat(rule.getFrom()).singleElement().satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .isEqualTo(Map.of("kubernetes.io/metadata.name", "ingress-nginx")));
        });
        // the browser reaches the services through the Ingress: the console's own proxy has nowhere to go
        assertThat(policy.getSpec().getPolicyTypes()).contains("Egress");
        assertThat(policy.getSpec().getEgress()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void signsInThroughTheProviderTheServicesTrustAndNeverAsADemoIdentity(Rendered r) {
        Map<String, Rendered.EnvSource> env = r.env(container(r.get(Deployment.class, CONSOLE)));
        Set<String> read = consolePropertyEnvNames();
        List<String> unread = env.keySet().stream().filter(name -> !CrossReferenceTest.JVM_ENV.contains(name))
                .filter(name -> !read.contains(name)).toList();
        assertThat(unread).as("every variable names a property of the console (typos configure nothing)").isEmpty();
        assertThat(env.get("THREELISTS_CONSOLE_DEV_SIGN_IN_ENABLED").value()).isEqualTo("false");
        // the local overlay's services trust the local stack's dev issuer, which is no OpenID Connect provider: there
        // the console keeps the base's placeholder provider (deploy/k8s/README.md "The console")
        if (r.toString().equals("production")) {
            String servicesTrust = r.get(ConfigMap.class, "threelists-common").getData().get("MP_JWT_VERIFY_ISSUER");
            assertThat(env.get("THREELISTS_CONSOLE_OIDC_ISSUER").value()).isEqualTo(servicesTrust);
        }
        assertThat(env.get("THREELISTS_CONSOLE_OIDC_CLIENT_ID").value()).isNotBlank();
        assertThat(env.get("THREELISTS_CONSOLE_OIDC_SCOPES").value().split(" ")).contains("openid");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressRoutesEachServicesApiAndEverythingElseToTheConsole(Rendered r) {
        List<Ingress> ingresses = r.all(Ingress.class);
        Set<String> hosts = new TreeSet<>();
        ingresses.forEach(i -> i.getSpec().getRules().forEach(rule -> hosts.add(rule.getHost())));
        assertThat(hosts).as("one origin for the browser").hasSize(1);
        List<String> errors = new ArrayList<>();
        for (String service : Repo.services()) {
            String prefix = "/api/" + service;
            String routed = route(ingresses, prefix + "/demands?status=LISTED", service, errors);
            if (routed != null && !routed.equals("/demands?status=LISTED")) {
                errors.add(prefix + "/demands reaches " + service + " as " + routed + ", not /demands");
            }
            if (route(ingresses, prefix + "-other/x", service, new ArrayList<>()) != null) {
                errors.add(prefix + " also takes " + prefix + "-other/x");
            }
            Service target = r.get(Service.class, service);
            if (target.getSpec().getPorts().stream().noneMatch(p -> "http".equals(p.getName()))) {
                errors.add(service + ": its Service has no port `http` for the Ingress");
            }
        }
        Ingress console = r.get(Ingress.class, CONSOLE);
        HTTPIngressPath root = console.getSpec().getRules().get(0).getHttp().getPaths().get(0);
        assertThat(root.getPath()).isEqualTo("/");
        assertThat(root.getPathType()).isEqualTo("Prefix");
        assertThat(root.getBackend().getService().getName()).isEqualTo(CONSOLE);
        assertThat(console.getMetadata().getAnnotations()).as("the console's own paths are not rewritten")
                .doesNotContainKey("nginx.ingress.kubernetes.io/rewrite-target");
        assertThat(ingresses).allSatisfy(i -> assertThat(i.getSpec().getTls()).isNotEmpty());
        assertThat(errors).isEmpty();
    }

    /**
     * The path the service sees for a browser's path, by ingress-nginx's rules: a regular-expression path matches from
     * the start (use-regex), and the Ingress's rewrite-target replaces it with the captured groups; null when no path of
     * an Ingress routes it to that service.
     */
    private static String route(List<Ingress> ingresses, String browserPath, String service, List<String> errors) {
        for (Ingress ingress : ingresses) {
            Map<String, String> annotations = ingress.getMetadata().getAnnotations() == null ? Map.of() : ingress.getMetadata().getAnnotations();
            String rewrite = annotations.get("nginx.ingress.kubernetes.io/rewrite-target");
            for (var rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    if (!service.equals(path.getBackend().getService().getName()) || rewrite == null) {
                        continue;
                    }
                    if (!"true".equals(annotations.get("nginx.ingress.kubernetes.io/use-regex"))
                            || !"ImplementationSpecific".equals(path.getPathType())) {
                        errors.add(ingress.getMetadata().getName() + " " + path.getPath() + ": a rewritten path must be a regular expression");
                    }
                    if (!"http".equals(path.getBackend().getService().getPort().getName())) {
                        errors.add(path.getPath() + ": not to the Service's `http` port");
                    }
                    String pathOnly = browserPath.replaceAll("\\?.*", "");
                    String query = browserPath.substring(pathOnly.length());
                    Matcher m = Pattern.compile(path.getPath()).matcher(pathOnly);
                    if (m.lookingAt()) {
                        // nginx hands the query string on unchanged
                        // ingress-nginx's $n in rewrite-target are the path's groups, as in a Java replacement
                        return m.replaceFirst(rewrite) + query;
                    }
                }
            }
        }
        return null;
    }

    private static Properties consoleProperties() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repo.read(MODULE.resolve("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * The environment variables the console reads: its application.properties' keys and the settings of ConsoleConfig
     * ({@code threelists.console.<group>.<setting>}, read from its source), as MicroProfile Config maps them.
     */
    private static Set<String> consolePropertyEnvNames() {
        Set<String> names = new TreeSet<>();
        consoleProperties().stringPropertyNames().forEach(name -> names.add(envName(name)));
        String config = Repo.read(MODULE.resolve("src/main/java/org/threelists/console/config/ConsoleConfig.java"));
        Matcher group = Pattern.compile("interface (\\w+) \\{(.*?)\\n    }", Pattern.DOTALL).matcher(config);
        while (group.find()) {
            Matcher setting = Pattern.compile("\\s(\\w+)\\(\\);").matcher(group.group(2));
            while (setting.find()) {
                names.add(envName("threelists.console." + kebab(group.group(1)) + "." + kebab(setting.group(1))));
            }
        }
        return names;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
