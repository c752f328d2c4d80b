package vn.loa.server.station;

import java.util.List;

/**
 * A node of the administrative tree (province, district, commune, village, or whatever the data says):
 * depth is data, because Vietnam's 2025 reform removed the district level in some provinces.
 * {@code quietHours} and {@code airtimeCapMinutes} are null where the area takes them from above.
 */
public record Area(String id, String name, String level, QuietHours quietHours, Integer airtimeCapMinutes,
                   List<Area> children) {

    public Area {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
