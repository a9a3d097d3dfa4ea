package org.threelists.console.config;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hashed asset leaves as the build gzipped it, to be kept for a year; a browser that takes no gzip, or an asset the
 * build did not compress, gets Quarkus's static file. The fixtures (src/test/resources/META-INF/resources/assets)
 * stand for the front end's build output.
 */
@QuarkusTest
class PrecompressedAssetsTest {

    private static final String ASSET = "/assets/fixture-Dk3a9x.js";
    /** Rest Assured would unpack gzip by itself: the test reads the bytes that travelled. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void sendsTheBuildsGzipAsItIsAndLetsTheBrowserKeepIt() throws IOException {
        var answer = given().config(RAW).header("Accept-Encoding", "gzip, deflate, br")
                .when().get(ASSET)
                .then().statusCode(200).extract();
        assertThat(answer.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(answer.header("Content-Type")).startsWith("text/javascript");
        assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(answer.header("Vary")).contains("Accept-Encoding");
        byte[] travelled = answer.asByteArray();
        assertThat(travelled).isEqualTo(resource(ASSET + ".gz"));
        assertThat(gunzip(travelled)).isEqualTo(resource(ASSET));
    }

    @Test
    void aBrowserWithoutGzipGetsThePlainFile() throws IOException {
        byte[] body = given().config(RAW).header("Accept-Encoding", "identity")
                .when().get(ASSET)
                .then().statusCode(200).extract().asByteArray();
        assertThat(body).isEqualTo(resource(ASSET));
    }

    @Test
    void anAssetWithoutAGzipIsServedAsUsual() throws IOException {
        var answer = given().config(RAW).header("Accept-Encoding", "gzip")
                .when().get("/assets/plain-Q7c2.css")
                .then().statusCode(200).extract();
        byte[] body = answer.asByteArray();
        byte[] plain = "gzip".equals(answer.header("Content-Encoding")) ? gunzip(body) : body;
        assertThat(plain).isEqualTo(resource("/assets/plain-Q7c2.css"));
        assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    }

    @Test
    void aMissingAssetIsNotFound() {
        given().header("Accept-Encoding", "gzip").when().get("/assets/nothing-0000.js").then().statusCode(404);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = PrecompressedAssetsTest.class.getResourceAsStream("/META-INF/resources" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
