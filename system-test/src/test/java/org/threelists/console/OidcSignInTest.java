package org.threelists.console;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.threelists.localstack.LocalStack;
import org.threelists.localstack.ServiceSpec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;

/**
 * The console's production sign-in in real headless Chromium against a real OpenID Connect provider
 * (mock-oauth2-server, with its interactive login page): the desk chooses 统一身份认证登录, signs in at the provider,
 * comes back signed in by the authorisation-code flow with PKCE, and the demand list the console fetches from
 * demand-list through its proxy shows a demand. demand-list trusts that provider alone here (issuer and JWKS by
 * environment, as a deployment configures it), so the screen's data proves that the provider's token carries the
 * claims the services read. A callback whose state was tampered with is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(9) // junit-platform.properties: the shared system's classes first
class OidcSignInTest {

    private static final String ISSUER_ID = "threelists";
    private static final String CLIENT_ID = "threelists-console";
    private static final String AUDIENCE = "threelists";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String DESCRIPTION = "楼道声控灯损坏 " + RUN;
    /** What the provider maps from the desk's account: the role and the street the services read (README "Roles"). */
    private static final String DESK_CLAIMS = "{\"groups\": [\"desk\"], \"street\": \"dianqian\", \"name\": \"王主任\"}";

    private static MockOAuth2Server provider;
    private static LocalStack stack;
    private static Browser browser;
    private static String issuer;

    @BeforeAll
    static void startProviderSystemAndBrowser() throws IOException {
        provider = new MockOAuth2Server(OAuth2Config.Companion.fromJson("""
                {"interactiveLogin": true,
                 "tokenCallbacks": [{"issuerId": "%s", "tokenExpiry": 3600,
                   "requestMappings": [{"requestParam": "grant_type", "match": "authorization_code",
                                        "claims": {"aud": ["%s", "%s"]}}]}]}
                """.formatted(ISSUER_ID, CLIENT_ID, AUDIENCE)));
        provider.start(InetAddress.getByName("localhost"), LocalStack.freePort());
        issuer = provider.issuerUrl(ISSUER_ID).toString();

        ServiceSpec demandList = LocalStack.SERVICES.stream().filter(spec -> spec.name().equals(DEMAND_LIST))
                .findFirst().orElseThrow().onPort(LocalStack.freePort());
        stack = LocalStack.builder()
                .repoRoot(LocalStack.findRepositoryRoot(Path.of("")))
                .services(List.of(demandList))
                .console(true)
                .serviceEnvironment(Map.of(
                        "MP_JWT_VERIFY_ISSUER", issuer,
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", provider.jwksUrl(ISSUER_ID).toString()))
                .consoleEnvironment(Map.of(
                        "THREELISTS_CONSOLE_DEV_SIGN_IN_ENABLED", "false",
                        "THREELISTS_CONSOLE_OIDC_ISSUER", issuer,
                        "THREELISTS_CONSOLE_OIDC_CLIENT_ID", CLIENT_ID,
                        "THREELISTS_CONSOLE_OIDC_SCOPES", "openid profile"))
                .start();
        assertThat(stack.skippedServices()).as("demand-list and the console are packaged").isEmpty();
        assertThat(stack.consoleUrl()).as("the console is packaged").isNotNull();
        browser = Browser.open(stack.consoleUrl());
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    @Order(1)
    void aCallbackWithATamperedStateIsRefused() {
        browser.openFresh();
        leaveForTheProvider();
        String authorize = currentUrl();
        String forged = authorize.replaceAll("([?&]state=)[^&]+", "$1forged-" + RUN);
        assertThat(forged).isNotEqualTo(authorize);
        browser.script("window.location.assign(arguments[0])", forged);
        browser.awaitWhileDoing("the provider's page with the forged state", Duration.ofSeconds(10), () -> { },
                () -> currentUrl().contains("forged-" + RUN));
        signInAtTheProvider();

        String problem = browser.text(By.cssSelector(".sign-in-problem"));
        assertThat(problem).contains("登录未完成", "state");
        assertThat(browser.currentRoute()).isEqualTo("/sign-in");
        assertThat(browser.script("return sessionStorage.getItem('threelists.session')"))
                .as("no token kept").isNull();
        assertThat(currentUrl()).as("the code is gone from the address bar").doesNotContain("code=");
        assertThat(browser.all(By.cssSelector(".identity-name"))).isEmpty();
    }

    @Test
    @Order(2)
    void theDeskSignsInAtTheProviderAndSeesTheDemandsOfItsStreet() throws Exception {
        submitDemandAsCommunityWorker();
        browser.openFresh();
        leaveForTheProvider();
        String authorize = currentUrl();
        assertThat(authorize).startsWith(issuer + "/authorize")
                .contains("code_challenge_method=S256", "code_challenge=", "nonce=", "state=",
                        "client_id=" + CLIENT_ID, "response_type=code");
        signInAtTheProvider();

        browser.awaitWhileDoing("signed in and home", Duration.ofSeconds(30), () -> { },
                () -> browser.currentRoute().equals("/desk/overview"));
        assertThat(browser.text(By.cssSelector(".identity-name"))).isEqualTo("王主任");
        assertThat(currentUrl()).as("the code is gone from the address bar").doesNotContain("code=");
        String token = (String) browser.script("return JSON.parse(sessionStorage.getItem('threelists.session')).token");
        assertThat(claimsOf(token)).contains("\"iss\":\"" + issuer + "\"", "\"street\":\"dianqian\"", "\"desk\"");

        browser.go("/desk/demands");
        browser.choose(By.cssSelector(".filter-status"), "待核实");
        By row = By.xpath("//div[contains(@class,'demands')]//tr[contains(@class,'el-table__row')][.//*[contains(text(),'"
                + DESCRIPTION + "')]]");
        browser.find(row);
        assertThat(browser.text(row)).contains("嘉福社区", "设施维修", "待核实");
    }

    @Test
    @Order(3)
    void signingOutEndsTheProvidersSessionAndForgetsTheToken() {
        browser.click(By.cssSelector(".sign-out"));
        browser.awaitWhileDoing("back on the sign-in page", Duration.ofSeconds(30), () -> { },
                () -> currentUrl().startsWith(stack.consoleUrl()) && browser.currentRoute().equals("/sign-in"));
        browser.find(By.cssSelector(".sign-in-oidc"));
        assertThat(browser.script("return sessionStorage.getItem('threelists.session')")).isNull();
        assertThat(browser.all(By.cssSelector(".identity-name"))).isEmpty();
    }

    private static void leaveForTheProvider() {
        browser.click(By.cssSelector(".sign-in-oidc"));
        browser.find(By.name("username"));
    }

    /** The provider's login page: any account name, and the claims its directory would map for the desk. */
    private static void signInAtTheProvider() {
        browser.type(By.name("username"), "wang-desk-dianqian");
        browser.type(By.name("claims"), DESK_CLAIMS);
        browser.click(By.cssSelector("input[type='submit']"));
    }

    private static String currentUrl() {
        return (String) browser.script("return window.location.href");
    }

    /** A community worker of the same provider records a demand, straight at demand-list. */
    private static void submitDemandAsCommunityWorker() throws Exception {
        String token = provider.issueToken(ISSUER_ID, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID,
                "worker-jiafu-oidc", "JWT", List.of(AUDIENCE),
                Map.of("groups", List.of("community"), "street", "dianqian", "community", "jiafu"), 3600)).serialize();
        String body = """
                {"communityCode": "jiafu", "category": "FACILITY_REPAIR", "description": "%s", "beneficiaries": 12,
                 "urgency": "NORMAL", "estimatedHours": 2}""".formatted(DESCRIPTION);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.baseUrl(DEMAND_LIST) + "/demands"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    private static String claimsOf(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
