package id.satupintu.identity;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.MallId;

/** What it takes to open a staff account; the password arrives already hashed. */
public record NewStaffAccount(String username, String passwordHash, String displayName, StaffRole role,
        MallId mallId, AgencyId agencyId) {
}
