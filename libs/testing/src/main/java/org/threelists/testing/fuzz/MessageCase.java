package org.threelists.testing.fuzz;

import java.nio.charset.StandardCharsets;

/** One value the fuzzer puts on a consumed topic, what it breaks, and how the consumer must deal with it. */
record MessageCase(String label, byte[] value, Expect expect) {

    enum Expect {
        /** The value breaks the topic's schema (or is not JSON): exactly one copy on {@code <topic>.dlq}. */
        DEAD_LETTERED,
        /** The schema allows the value, odd as it is: applied or dead-lettered, once, and the partition moves on. */
        HANDLED_ONCE
    }

    String describe() {
        return RestCase.cut(new String(value, StandardCharsets.UTF_8).replace("\u0000", "\\u0000"), 300);
    }
}
