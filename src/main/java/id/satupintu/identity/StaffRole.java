package id.satupintu.identity;

/** What a staff member is responsible for; the scope (mall, agency) comes with the account. */
public enum StaffRole {
    /** Ministry or national administrator: every mall, read and configure. */
    NATIONAL_ADMIN,
    /** Mall manager (pengelola): one mall. */
    MALL_MANAGER,
    /** Counter officer (petugas loket): one agency in one mall. */
    OFFICER;

    public String authority() {
        return "ROLE_" + name();
    }
}
