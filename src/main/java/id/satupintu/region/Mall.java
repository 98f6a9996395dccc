package id.satupintu.region;

import java.time.ZoneId;

import id.satupintu.shared.MallId;

/** A public service mall. Its code is the region code for the seeded malls (e.g. {@code 36.71}). */
public record Mall(MallId id, String code, String name, String regionCode, String address, ZoneId timeZone,
        boolean openOnCollectiveLeave) {

    /** The code without dots, as used in staff usernames ({@code manager-3671}). */
    public String compactCode() {
        return code.replace(".", "");
    }
}
