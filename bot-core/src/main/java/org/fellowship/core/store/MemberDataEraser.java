package org.fellowship.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.port.StoreUnavailableException;

/**
 * Export and erasure of everything stored about one member, driven by the per-member erasure index that every
 * store writes to.
 *
 * <p><b>Threading:</b> thread-safe. <b>Nullness:</b> non-null arguments and results. <b>Failure:</b>
 * {@link StoreUnavailableException}; an erase that fails part-way can be repeated safely.
 */
public interface MemberDataEraser {

    /** Every stored record about the member, by a stable descriptive name, as stored JSON text. */
    Map<String, String> export(ChatUserId member);

    /**
     * Deletes every record listed for the member, then the index itself.
     *
     * @return how many records were deleted
     */
    int erase(ChatUserId member);

    /** Whether anything is still stored about the member (the proof after {@link #erase}). */
    boolean holdsAnything(ChatUserId member);

    /**
     * An eraser for a store that can list ({@code export}) and remove ({@code forget}) what it holds about a member;
     * it holds something as long as the export is not empty.
     */
    static MemberDataEraser of(Function<ChatUserId, Map<String, String>> export, ToIntFunction<ChatUserId> forget) {
        return of(export, forget, member -> !export.apply(member).isEmpty());
    }

    /**
     * An eraser for a store that keeps records about a member past {@code /forget} (moderation records) and erases
     * only part of them: {@code holds} says whether anything erasable is left.
     */
    static MemberDataEraser of(Function<ChatUserId, Map<String, String>> export, ToIntFunction<ChatUserId> forget,
                               Predicate<ChatUserId> holds) {
        return new MemberDataEraser() {
            @Override
            public Map<String, String> export(ChatUserId member) {
                return export.apply(member);
            }

            @Override
            public int erase(ChatUserId member) {
                return forget.applyAsInt(member);
            }

            @Override
            public boolean holdsAnything(ChatUserId member) {
                return holds.test(member);
            }
        };
    }

    /**
     * One eraser over several stores: export merges their records (names stay distinct because each store names
     * its own), erase erases from each in order and adds the counts, and anything left in any store counts.
     */
    static MemberDataEraser combined(List<MemberDataEraser> erasers) {
        List<MemberDataEraser> all = List.copyOf(erasers);
        return new MemberDataEraser() {
            @Override
            public Map<String, String> export(ChatUserId member) {
                Map<String, String> records = new LinkedHashMap<>();
                all.forEach(e -> records.putAll(e.export(member)));
                return records;
            }

            @Override
            public int erase(ChatUserId member) {
                return all.stream().mapToInt(e -> e.erase(member)).sum();
            }

            @Override
            public boolean holdsAnything(ChatUserId member) {
                return all.stream().anyMatch(e -> e.holdsAnything(member));
            }
        };
    }
}
