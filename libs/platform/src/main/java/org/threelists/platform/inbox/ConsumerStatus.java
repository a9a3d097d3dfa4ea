package org.threelists.platform.inbox;

/**
 * How one inbound consumer is doing.
 *
 * @param healthy  running, or restarting for less than the recovery bound
 * @param state    {@code running}, {@code restarting since …}, {@code failed since …} or {@code stopped}
 * @param restarts how many times its session was restarted since the service started
 */
public record ConsumerStatus(boolean healthy, String state, long restarts) {
}
