package vn.loa.server.playout;

import vn.loa.server.media.Mp3Audio;

/** One file of a session's programme, validated and loaded. */
public record ProgrammeItem(String path, String title, Mp3Audio audio) {
}
