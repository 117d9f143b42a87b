package org.fellowship.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordInviteTest {
    @Test
    void documentedPermissionIntegerMatchesThePermissions() {
        assertThat(DiscordInvite.permissions()).isEqualTo(DiscordInvite.PERMISSION_INTEGER);
        assertThat(DiscordInvite.url(123)).isEqualTo("https://discord.com/oauth2/authorize?client_id=123"
                + "&scope=bot%20applications.commands&permissions=" + DiscordInvite.PERMISSION_INTEGER);
    }
}
