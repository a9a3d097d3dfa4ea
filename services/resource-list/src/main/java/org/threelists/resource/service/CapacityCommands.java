package org.threelists.resource.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends the {@code Resource}'s capacity commands in Axon's own transaction, never in the caller's (a REST request's,
 * or the inbox's for a message from Kafka): the resource's aggregate lock is then held until its events are
 * committed, so claims from Kafka and reservations over REST (or from another replica) never read the same books
 * (docs/architecture.md, "The capacity saga"). The caller's transaction, if any, is suspended meanwhile and resumed
 * after; a refusal leaves it untouched.
 */
@ApplicationScoped
public class CapacityCommands {

    private final CommandGateway commands;

    CapacityCommands(CommandGateway commands) {
        this.commands = commands;
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <R> R send(Object command) {
        return commands.sendAndWait(command);
    }
}
