package id.satupintu.complaint;

import id.satupintu.shared.LocalizedText;

/** What a complaint is about, such as {@code ILLEGAL_FEES} (pungli); kept as data with labels in both languages. */
public record ComplaintCategory(String code, LocalizedText name) {
}
