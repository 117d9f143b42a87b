package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.model.Access;
import org.fellowship.core.port.CommandMenuEntry;
import org.junit.jupiter.api.Test;

class TelegramCommandMenuIT {

    @Test
    void moderatorCommandsOnlyInTheAdministratorScope() throws Exception {
        List<CommandMenuEntry> menu = List.of(
                new CommandMenuEntry("start", "", "Start talking with Fellowship", Access.EVERYONE, false),
                new CommandMenuEntry("help", "", "What I can do", Access.EVERYONE, false),
                new CommandMenuEntry("warn", "<member>", "Warn a member", Access.MODERATOR, false));
        try (FakeBotApi api = new FakeBotApi();
             TelegramGateway gateway = new TelegramGateway(api.config(), new InMemoryKnownPrivateChats(),
                     SendPermits.NONE, Clock.systemUTC())) {
            new TelegramCommandMenu(gateway).publish(menu);

            List<FakeBotApi.Call> calls = api.calls("setmycommands");
            assertThat(calls).extracting(c -> c.body().get("scope").get("type").asText())
                    .containsExactly("default", "all_private_chats", "all_group_chats", "all_chat_administrators");
            assertThat(names(calls.get(1).body())).containsExactly("start", "help");
            assertThat(names(calls.get(2).body())).containsExactly("start", "help");
            assertThat(names(calls.get(3).body())).containsExactly("start", "help", "warn");
            assertThat(calls.get(3).body().get("commands").get(2).get("description").asText())
                    .isEqualTo("Warn a member");
        }
    }

    private static List<String> names(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("commands").forEach(c -> out.add(c.get("command").asText()));
        return out;
    }
}
