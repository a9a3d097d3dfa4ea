package org.threelists.localstack;

import java.nio.file.Path;

/**
 * Writes {@code .local/tokens.env} for a stack started from a test exactly as {@code ./run-local.sh} writes it, so that
 * the README's walk-through gets its tokens and URLs the way a reader does: {@code source .local/tokens.env}.
 */
public final class LauncherTokensFile {

    private LauncherTokensFile() {
    }

    /** Writes the file into the stack's data directory and returns it. */
    public static Path write(LocalStack stack) {
        new ConsoleSummary(stack).writeTokensFile();
        return stack.dataDir().resolve("tokens.env");
    }
}
