package org.threelists.ledger.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash written straight from Jackson's UTF-8 bytes is the hash of the text, for every kind of character a field
 * may hold: ASCII, Chinese, a character outside the BMP, quotes and back-slashes, control characters, line and
 * paragraph separators, and lone surrogates (which the text encodes as '?').
 */
class CanonicalBytesTest {

    static final List<String> VALUES = List.of("", "heping", "社区党群服务中心", "志愿者 😀 笑", "say \"hi\" \\ /",
            "tab\there\nline\rcr\u0001\u001f\u007f", "sep\u2028par\u2029", "lone \ud83d high", "lone \ude00 low",
            "end high \ud83d", "\ude00\ud83d swapped", "<script>&amp;</script>", "é ü ß ñ");

    @Test
    void the_bytes_give_the_hash_of_the_text() {
        for (String value : VALUES) {
            SortedMap<String, String> content = new TreeMap<>();
            content.put("entryId", "e-1");
            content.put("place", value);
            content.put("notes", value + value);
            String prefix = LedgerEntry.GENESIS + "\n";
            assertThat(Canonical.sha256(prefix, content)).as(value)
                    .isEqualTo(Canonical.sha256(prefix + Canonical.json(content)));
        }
    }
}
