package org.pyconcurrent.examples.multiprocessing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code db.txt} of the seeds' ticket programs ({@link GetTicketUnlocked},
 * {@link GetTicketLock}, {@link TomTicketUnlocked}, {@link TomTicketLock},
 * {@link TomTicketLockJoin}): a JSON object of ticket counts such as {@code {"count": 1}}, read
 * with {@code json.load(open('db.txt', 'r', encoding='utf-8'))} and written with
 * {@code json.dump(dic, open('db.txt', 'w', encoding='utf-8'))}. Only that shape is needed, a flat
 * object of string keys and integers, so it is read and written with plain string handling
 * rather than a JSON library; {@link #dump} writes what Python's {@code json.dump} writes.
 *
 * <p>The seeds do not give the file; they read one that is already there. The ports make it
 * with {@link #create} in the temporary directory, hand its path to the children (a child JVM
 * does not see the parent's statics, so the path travels captured in the target), and delete it
 * at the end.
 *
 * <p>{@link #dump} replaces the file in one step (a new file moved over the old one), where
 * Python truncates it and then writes: in Python a buyer that reads the file at that moment reads
 * an empty file and dies with a {@code JSONDecodeError}. That is a second race, not the one the
 * programs are about (two buyers reading the same count), and it would make the unlocked ports
 * fail now and then; the atomic replace keeps only the race they show.
 */
final class DbTxt {
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]*)\"\\s*:\\s*(-?\\d+)");

    private DbTxt() {
    }

    /** A new {@code db.txt} in the temporary directory holding {@code dic}; returns its path. */
    static String create(Map<String, Integer> dic) {
        try {
            Path db = Files.createTempFile("db", ".txt");
            dump(dic, db.toString());
            return db.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Python's {@code json.load(open(db, 'r', encoding='utf-8'))} of a flat object of integers. */
    static Map<String, Integer> load(String db) {
        String text;
        try {
            text = Files.readString(Path.of(db), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> dic = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(text);
        while (m.find()) {
            dic.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        if (dic.isEmpty()) {
            throw new IllegalStateException(db + " holds no {\"key\": number} object: " + text);
        }
        return dic;
    }

    /** Python's {@code json.dump(dic, open(db, 'w', encoding='utf-8'))}, replacing the file at once. */
    static void dump(Map<String, Integer> dic, String db) {
        String text = dic.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        Path target = Path.of(db);
        try {
            Path next = Files.createTempFile(target.toAbsolutePath().getParent(), "db", ".tmp");
            try {
                Files.writeString(next, text, StandardCharsets.UTF_8);
                Files.move(next, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the file: the end of a port, once every child is done with it. */
    static void delete(String db) {
        try {
            Files.deleteIfExists(Path.of(db));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
