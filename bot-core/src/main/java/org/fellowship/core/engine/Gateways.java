package org.fellowship.core.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.fellowship.core.model.Platform;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GroupAdminGateway;

/**
 * The connected platforms: at most one chat gateway and one admin gateway per platform. Thread-safe: adapters
 * register while the engine is already handling events (a platform connecting late simply becomes usable).
 */
public final class Gateways {
    private final Map<Platform, ChatGateway> chat = new ConcurrentHashMap<>();
    private final Map<Platform, GroupAdminGateway> admin = new ConcurrentHashMap<>();

    public Gateways register(ChatGateway gateway) {
        chat.put(gateway.platform(), gateway);
        return this;
    }

    public Gateways register(GroupAdminGateway gateway) {
        admin.put(gateway.platform(), gateway);
        return this;
    }

    /** The chat gateway of a platform; fails loudly when that platform is not connected. */
    public ChatGateway chat(Platform platform) {
        ChatGateway gateway = chat.get(platform);
        if (gateway == null) {
            throw new GatewayException(GatewayException.Reason.UNSUPPORTED, platform.lowerName() + " is not connected");
        }
        return gateway;
    }

    public Optional<GroupAdminGateway> admin(Platform platform) {
        return Optional.ofNullable(admin.get(platform));
    }
}
