package org.fellowship.core.outbound;

import java.util.List;

/** One horizontal row of buttons. */
public record ButtonRow(List<Button> buttons) {
    public ButtonRow {
        buttons = List.copyOf(buttons);
        if (buttons.isEmpty()) {
            throw new IllegalArgumentException("a button row needs at least one button");
        }
    }

    public static ButtonRow of(Button... buttons) {
        return new ButtonRow(List.of(buttons));
    }
}
