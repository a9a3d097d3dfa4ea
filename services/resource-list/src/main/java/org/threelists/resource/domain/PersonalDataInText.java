package org.threelists.resource.domain;

import org.threelists.platform.domain.RuleBrokenException;

import java.util.regex.Pattern;

/**
 * Refuses free text that carries what identifies or reaches a person: an offer's title and description are published
 * on resource-list.events.v1 (the matchmaker matches and shows them), and that topic carries no personal data in any
 * field (contracts/schemas/resource-list.events.v1.schema.json). A unit's contact belongs in its contact, which is
 * never published. Only the shapes that are unmistakable are refused — a mainland mobile or a landline written with
 * its area code, an 18-character resident ID number, an e-mail address — so that hours, dates, amounts and room
 * numbers pass.
 */
final class PersonalDataInText {

    /** 138 0013 8000, 138-0013-8000, 13800138000; a landline only with its area code and dash: 0856-1234567. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9])(1[3-9][0-9](?:[- ]?[0-9]{4}){2}|0[0-9]{2,3}-[0-9]{7,8})(?![0-9])");
    /** The 18 characters of a resident identity card (GB 11643): 17 digits and a digit or X. */
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private PersonalDataInText() {
    }

    static void refuse(String field, String text) {
        if (text == null) {
            return;
        }
        if (ID_CARD.matcher(text).find()) {
            throw new RuleBrokenException(field, "must not contain an ID-card number: it is published, and personal data never is");
        }
        if (PHONE.matcher(text).find()) {
            throw new RuleBrokenException(field, "must not contain a phone number: it is published, and personal data never is; "
                    + "the unit's contact is kept apart");
        }
        if (EMAIL.matcher(text).find()) {
            throw new RuleBrokenException(field, "must not contain an e-mail address: it is published, and personal data never is; "
                    + "the unit's contact is kept apart");
        }
    }
}
