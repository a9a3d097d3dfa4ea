package org.threelists.localstack;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class in this JVM and exits (running its shutdown hooks) as soon as standard input reaches its
 * end. The launcher keeps the write end of that pipe open; the operating system closes it when the launcher dies,
 * even by SIGKILL. Without this a broker outlives a killed launcher and keeps its port and its data directory lock.
 * ({@link Process#destroy()} closes the pipe too, so a normal stop reaches the same shutdown hooks as SIGTERM.)
 *
 * <p>Usage: {@code java -cp ... org.threelists.localstack.ExitWithParent <main class> <args...>}
 */
public final class ExitWithParent {

    private ExitWithParent() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ExitWithParent <main class> [args...]");
        }
        Thread watcher = new Thread(ExitWithParent::exitAtEndOfInput, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();

        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitAtEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end of input: the parent is gone
        }
        System.err.println("[exit-with-parent] parent process is gone; shutting down");
        System.exit(0);
    }
}
