package org.threelists.localstack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerInternalTopicsTest {

    @TempDir
    Path folder;

    @Test
    void theBrokerHasItsCoordinatorsTopicsBeforeAnyServiceJoinsAGroupOrStartsATransaction() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(folder.resolve("kafka"), 0, folder.resolve("kafka.log"))) {
            broker.createInternalTopics();

            Properties settings = new Properties();
            settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin admin = Admin.create(settings)) {
                Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                        .get(30, TimeUnit.SECONDS);
                assertTrue(topics.containsAll(Set.of("__consumer_offsets", "__transaction_state")), topics::toString);
            }
        }
    }
}
