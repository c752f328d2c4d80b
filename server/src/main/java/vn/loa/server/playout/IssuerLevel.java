package vn.loa.server.playout;

/** The administrative level that issued a session; within one priority class the higher level prevails. */
public enum IssuerLevel {
    COMMUNE,
    DISTRICT,
    PROVINCE
}
