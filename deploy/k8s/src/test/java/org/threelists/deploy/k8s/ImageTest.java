package org.threelists.deploy.k8s;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images the Deployments run can be built: each is {@code threelists/<service>}, the service is a module with the
 * Quarkus plugin (so {@code package} makes the fast-jar the Dockerfile copies), and README's build loop names it.
 */
class ImageTest {

    private static final Path DOCKERFILE = Repo.ROOT.resolve("deploy/k8s/image/Dockerfile");

    @Test
    void everyDeploymentRunsTheImageOfItsOwnServiceModule() {
        Rendered local = Rendered.of("local");
        Map<String, Path> modules = Repo.serviceModules();
        String readme = Repo.read(Repo.ROOT.resolve("deploy/k8s/README.md"));
        List<String> errors = new ArrayList<>();
        for (Deployment d : local.all(Deployment.class)) {
            String service = d.getMetadata().getName();
            boolean console = ConsoleManifestTest.CONSOLE.equals(service);
            Path module = console ? Repo.ROOT.resolve(ConsoleManifestTest.CONSOLE) : modules.get(service);
            String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            if (module == null) {
                errors.add(service + ": no service module");
                continue;
            }
            if (!image.startsWith("threelists/" + service + ":")) {
                errors.add(service + ": image " + image + " is not threelists/" + service + ":<tag>");
            }
            if (!Repo.read(module.resolve("pom.xml")).contains("quarkus-maven-plugin")) {
                errors.add(service + ": " + module + " does not build a Quarkus fast-jar");
            }
            String moduleDir = Repo.ROOT.resolve("services").relativize(module).toString();
            if (console ? !readme.contains("MODULE=console ") : !readme.contains(moduleDir.equals(service) ? " " + service + " " : moduleDir)) {
                errors.add(service + ": deploy/k8s/README.md's image build does not name services/" + moduleDir);
            }
        }
        assertThat(errors).isEmpty();
    }

    /** The management interface is a build-time switch: the images the manifests probe on port 9000 must be built with it. */
    @Test
    void theImagesAreBuiltWithTheManagementInterface() {
        String flag = "-Dquarkus.management.enabled=true";
        assertThat(Repo.read(DOCKERFILE)).as("the Dockerfile's build instructions").contains(flag);
        assertThat(Repo.read(Repo.ROOT.resolve("deploy/k8s/README.md"))).as("deploy/k8s/README.md's image build").contains(flag);
    }

    @Test
    void theDockerfileCopiesTheFastJarOfTheModuleItIsGiven() {
        String dockerfile = Repo.read(DOCKERFILE);
        assertThat(dockerfile).contains("ARG MODULE");
        for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertThat(dockerfile).contains("${MODULE}/target/quarkus-app/" + part);
        }
        assertThat(dockerfile).containsPattern("(?m)^USER [0-9]+$").contains("quarkus-run.jar");
    }
}
