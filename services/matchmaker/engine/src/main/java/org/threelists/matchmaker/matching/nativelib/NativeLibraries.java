package org.threelists.matchmaker.matching.nativelib;

import com.google.ortools.Loader;

/** OR-Tools' native libraries (min-cost flow, CP-SAT), loaded once per JVM before the first solve. */
public final class NativeLibraries {

    private NativeLibraries() {
    }

    private static final class Holder {
        static {
            Loader.loadNativeLibraries();
        }

        static void load() {
            // class initialisation above: once, thread-safe
        }
    }

    public static void load() {
        Holder.load();
    }
}
