package org.fellowship.telegram;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link KnownPrivateChats} held in memory: lost on restart and not shared between instances (a member who started the
 * bot before a restart gets a start link once more, which still works). Thread-safe.
 */
public final class InMemoryKnownPrivateChats implements KnownPrivateChats {
    private final Set<String> users = ConcurrentHashMap.newKeySet();

    @Override
    public boolean contains(String userId) {
        return users.contains(userId);
    }

    @Override
    public void add(String userId) {
        users.add(userId);
    }

    @Override
    public void remove(String userId) {
        users.remove(userId);
    }
}
