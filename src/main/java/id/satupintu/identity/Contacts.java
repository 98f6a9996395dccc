package id.satupintu.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail addresses and phone numbers as citizens type them, in one form for storing and comparing: addresses in
 * lower case, Indonesian numbers with a leading 0 instead of +62.
 */
public final class Contacts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("0[0-9]{7,14}|\\+[0-9]{8,15}");
    private static final int EMAIL_MAX = 254;

    private Contacts() {
    }

    /** The address in its stored form, null when blank. */
    public static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            throw CitizenError.invalidContact("email");
        }
        return email;
    }

    /** The number in its stored form (08..., or +... outside Indonesia), null when blank. */
    public static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String phone = raw.replaceAll("[\\s().-]", "");
        if (phone.startsWith("+62")) {
            phone = "0" + phone.substring(3);
        } else if (phone.startsWith("62")) {
            phone = "0" + phone.substring(2);
        }
        if (!PHONE.matcher(phone).matches()) {
            throw CitizenError.invalidContact("phone");
        }
        return phone;
    }

    static boolean looksLikeEmail(String raw) {
        return raw != null && raw.contains("@");
    }

    /** Enough of a contact to recognise it, such as {@code s***@example.org} or {@code 0812****7890}. */
    public static String masked(String contact) {
        int at = contact.indexOf('@');
        if (at >= 0) {
            return contact.charAt(0) + "***" + contact.substring(at);
        }
        return contact.length() <= 8 ? "****" + contact.substring(contact.length() - 2)
                : contact.substring(0, 4) + "****" + contact.substring(contact.length() - 4);
    }
}
