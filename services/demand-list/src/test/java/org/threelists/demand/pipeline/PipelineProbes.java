package org.threelists.demand.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.devkit.EmbeddedPostgresServer;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** What the pipeline tests share: municipal tickets, DLQ reads and an administrator's connection to PostgreSQL. */
final class PipelineProbes {

    private PipelineProbes() {
    }

    /** A valid 12345 ticket; {@code idJson} is the JSON text of its service_request_id (escapes allowed). */
    static String ticket(String idJson) {
        return """
                {"service_request_id":"%s","service_code":"facility_repair","service_name":"楼道照明",
                 "description":"3栋楼道灯坏了，老人夜里上下楼不安全","address":"嘉福盐业小区3栋",
                 "requested_datetime":"2026-11-20T09:30:00+08:00","community_code":"jiafu",
                 "first_name":"建国","last_name":"林","phone":"13700000003","urgency":"HIGH"}
                """.formatted(idJson);
    }

    static List<ConsumerRecord<String, String>> deadLetters(String topic, String key) {
        return KafkaProbe.readAll(topic + ".dlq").stream().filter(r -> key.equals(r.key())).toList();
    }

    static Connection administrator() throws SQLException {
        return DriverManager.getConnection(RealInfrastructure.jdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
