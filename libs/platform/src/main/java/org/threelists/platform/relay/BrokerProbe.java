package org.threelists.platform.relay;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Whether the broker answers a metadata request within a second. A frozen broker still accepts connections (the
 * kernel does), so only an answer tells that it is back. The admin client is made at the first probe: a relay that
 * never fails never pays for one.
 */
final class BrokerProbe implements BooleanSupplier, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final Properties adminSettings;
    private Admin admin;
    private boolean closed;

    BrokerProbe(Properties adminSettings) {
        this.adminSettings = adminSettings;
    }

    @Override
    public boolean getAsBoolean() {
        Admin client = client();
        if (client == null) {
            return false;
        }
        try {
            client.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .clusterId().get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized Admin client() {
        if (admin == null && !closed) {
            admin = Admin.create(adminSettings);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }
}
