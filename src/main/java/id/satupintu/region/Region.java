package id.satupintu.region;

/** A province (level 1, code {@code 36}), regency or city (2, {@code 36.71}) or district (3, {@code 36.71.01}). */
public record Region(String code, String name, int level, String parentCode) {

    public static final int PROVINCE = 1;
    public static final int REGENCY = 2;
    public static final int DISTRICT = 3;

    public String provinceCode() {
        return code.substring(0, 2);
    }
}
