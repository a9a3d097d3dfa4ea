package org.threelists.localstack;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes Ctrl-C and SIGTERM stop the stack in reverse start order, then exit.
 *
 * <p>A shutdown hook alone cannot keep that order: zonky registers its own hook that stops PostgreSQL, and the JVM
 * runs all hooks at once, so PostgreSQL would go down while the services still use it. Handling the signals
 * ourselves closes the stack first and only then exits; zonky's hook then finds its server already stopped.
 * The hook registered here covers the remaining ways out (SIGHUP, System.exit elsewhere).
 */
final class ShutdownSignals {

    private ShutdownSignals() {
    }

    static void stopOnSignals(LocalStack stack) {
        AtomicBoolean stopping = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (!stopping.compareAndSet(false, true)) {
                System.out.println("still stopping (each service gets up to 20 s to finish)...");
                return;
            }
            Thread stopper = new Thread(() -> {
                System.out.println();
                System.out.println("stopping the local stack...");
                stack.close();
                System.out.println("stopped");
                System.exit(0);
            }, "local-stack-stop");
            stopper.start();
        };
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException reservedByTheJvm) {
                // e.g. under -Xrs; the shutdown hook below still stops everything, if not in order
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown-hook"));
    }
}
