package org.threelists.ledger.api;

import org.threelists.ledger.domain.HourStatement;
import org.threelists.platform.problem.ChineseProblems;
import org.threelists.platform.problem.ProblemCatalogue;

import java.util.List;
import java.util.Locale;

/**
 * What a public verification tells the checker to do with a statement that is not VALID (services/ledger/README.md,
 * "Hour statements"): in Chinese when the checker asks for it first ({@code Accept-Language: zh-CN}, as the console
 * does), from the same zh-CN catalogue as the refusals. Nothing but what the verification shows besides: not the hours
 * the ledger holds now, which are the desk's to certify in a new statement.
 */
final class StatementNotices {

    private StatementNotices() {
    }

    static String of(HourStatement s, HourStatement.Status status, List<Locale> acceptable) {
        String notice = switch (status) {
            case VALID -> null;
            case OUTDATED -> "Hours this statement certifies were corrected after it was issued: it no longer matches "
                    + "the ledger. Ask the issuer, " + s.issuer() + ", for a new statement";
            case REVOKED -> "The issuer revoked this statement: it certifies no hours";
            case ALTERED -> "The stored record of this statement was altered: do not rely on it. Ask the issuer, "
                    + s.issuer();
        };
        return notice != null && ChineseProblems.prefersChinese(acceptable)
                ? ProblemCatalogue.loaded().inChinese(notice) : notice;
    }
}
