package org.fellowship.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fellowship.discord.DiscordWorld.*;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.core.testkit.MutableClock;
import org.javacord.api.entity.permission.PermissionType;
import org.junit.jupiter.api.Test;

/** Who can read a channel meant for crisis alerts, from roles and the channel's overwrites ({@link DiscordWorld}). */
class DiscordAudienceTest {
    private final DiscordWorld world = new DiscordWorld();
    private final DiscordGateway gateway = new DiscordGateway(List.of(world.api), world.settings(), false,
            new RecordingTransport(), MutableClock.at("2026-03-08T09:00:00Z"), mock(ScheduledExecutorService.class));

    /** The usual private channel: closed to @everyone, opened to the moderators' roles and the bot. */
    private void privateChannel() {
        world.overwriteRole(GUILD, false);
        world.overwriteRole(MODERATOR_ROLE, true);
        world.overwriteRole(MODS_ROLE, true);
        world.overwriteRole(BOT_ROLE, true);
        world.overwriteMember(YOURSELF, true);
    }

    @Test
    void aChannelClosedToEveryoneAndOpenToModeratorRolesIsForModeratorsOnly() {
        privateChannel();
        ChatAudience audience = gateway.audience(conversation(CHANNEL));
        assertThat(audience.moderatorsOnly()).isTrue();
        assertThat(audience.problem()).isNull();
    }

    @Test
    void everyoneCanViewAChannelWithoutOverwrites() {
        ChatAudience audience = gateway.audience(conversation(CHANNEL));
        assertThat(audience.moderatorsOnly()).isFalse();
        assertThat(audience.problem()).isEqualTo("@everyone can view this channel: deny View Channel for @everyone "
                + "(and for roles without moderation rights) in the channel's permissions.");
    }

    @Test
    void aRoleWithoutModerationRightsAllowedByAnOverwriteMakesItWider() {
        privateChannel();
        world.overwriteRole(MENTOR_ROLE, true);
        ChatAudience audience = gateway.audience(conversation(CHANNEL));
        assertThat(audience.moderatorsOnly()).isFalse();
        assertThat(audience.problem()).isEqualTo("the role @Mentors, which has no moderation rights, can view this "
                + "channel: deny View Channel for it in the channel's permissions.");
    }

    @Test
    void aRoleAllowedServerWideCanViewUnlessTheEveryoneOverwriteOrItsOwnDeniesIt() {
        world.rolePermissions(GUILD, PermissionType.SEND_MESSAGES); // a locked-down server: members see via a role
        world.rolePermissions(MENTOR_ROLE, PermissionType.VIEW_CHANNEL);
        assertThat(gateway.audience(conversation(CHANNEL)).problem()).startsWith("the role @Mentors");

        world.overwriteRole(GUILD, false);
        assertThat(gateway.audience(conversation(CHANNEL)).moderatorsOnly())
                .as("the @everyone overwrite comes after server-wide permissions").isTrue();

        world.overwriteRole(GUILD, null);
        world.overwriteRole(MENTOR_ROLE, false);
        assertThat(gateway.audience(conversation(CHANNEL)).moderatorsOnly()).isTrue();
    }

    @Test
    void aMemberOverwriteCountsUnlessTheMemberIsAModerator() {
        privateChannel();
        world.overwriteMember(MO, true); // Manage Messages: a moderator
        assertThat(gateway.audience(conversation(CHANNEL)).moderatorsOnly()).isTrue();

        world.overwriteMember(SAM, true);
        world.overwriteMember(99, true); // not a member the bot knows
        ChatAudience audience = gateway.audience(conversation(CHANNEL));
        assertThat(audience.moderatorsOnly()).isFalse();
        assertThat(audience.problem()).startsWith("2 members who are not moderators (user id ")
                .contains("1").contains("99")
                .endsWith("can view this channel through their own permission overwrite: remove View Channel from it "
                        + "in the channel's permissions.");

        world.overwriteMember(SAM, false);
        world.overwriteMember(99, null);
        assertThat(gateway.audience(conversation(CHANNEL)).moderatorsOnly()).as("a deny lets nobody in").isTrue();
    }

    @Test
    void aRoleHeldByOthersThanTheBotIsNotTheBotsRole() {
        privateChannel();
        when(world.roles.get(BOT_ROLE).getUsers()).thenReturn(java.util.Set.of(world.yourself, world.user(SAM)));
        assertThat(gateway.audience(conversation(CHANNEL)).problem()).startsWith("the role @Fellowship");
    }

    @Test
    void aThreadIsCheckedOnItsParentChannel() {
        assertThat(gateway.audience(conversation(THREAD)).problem()).startsWith("@everyone can view");
        privateChannel();
        assertThat(gateway.audience(conversation(THREAD)).moderatorsOnly()).isTrue();
    }

    @Test
    void aDirectMessageOrAnUnknownChannelCannotBeTold() {
        assertThatThrownBy(() -> gateway.audience(conversation(1000 + SAM)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
        assertThatThrownBy(() -> gateway.audience(conversation(4242)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void anIncompleteCacheIsUnavailableNotAnAnswer() {
        when(world.server.getEveryoneRole()).thenThrow(new java.util.NoSuchElementException());
        assertThatThrownBy(() -> gateway.audience(conversation(CHANNEL)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }
}
