package org.fellowship.core.engine;

/**
 * What the safety screen reads in a message that is recovery talk at its most vulnerable rather than a crisis: a
 * relapse told to the group, relapse danger, or a craving. Such a message is never punished automatically.
 */
public enum RecoveryDisclosure {
    RELAPSE_SHARE("a relapse share"),
    RELAPSE_DANGER("relapse danger"),
    CRAVING("a craving");

    private final String words;

    RecoveryDisclosure(String words) {
        this.words = words;
    }

    /** How moderators read it: "a relapse share". */
    public String words() {
        return words;
    }
}
