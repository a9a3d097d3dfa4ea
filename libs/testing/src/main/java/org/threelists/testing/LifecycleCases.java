package org.threelists.testing;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An aggregate's lifecycle as a table: each command and the states it is allowed in. Fixture tests turn the table
 * into parameterized cases, so every illegal transition is tested, not only the ones someone thought of.
 */
public final class LifecycleCases {

    /** A command and the states of the aggregate in which it is allowed. */
    public record Command<S extends Enum<S>>(Object command, Set<S> allowedIn) {
    }

    private LifecycleCases() {
    }

    /** (command name, state) for every state a command is not allowed in. */
    public static <S extends Enum<S>> Stream<Arguments> illegal(Map<String, Command<S>> commands, Class<S> states) {
        List<Arguments> cases = new ArrayList<>();
        commands.forEach((name, command) -> EnumSet.allOf(states).stream()
                .filter(state -> !command.allowedIn().contains(state))
                .forEach(state -> cases.add(Arguments.of(name, state))));
        return cases.stream();
    }

    /** (command name, state) for every state a command is allowed in. */
    public static <S extends Enum<S>> Stream<Arguments> allowed(Map<String, Command<S>> commands) {
        List<Arguments> cases = new ArrayList<>();
        commands.forEach((name, command) -> command.allowedIn().forEach(state -> cases.add(Arguments.of(name, state))));
        return cases.stream();
    }
}
