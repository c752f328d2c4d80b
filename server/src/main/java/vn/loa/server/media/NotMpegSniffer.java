package vn.loa.server.media;

/** Names what a file is when it is not MP3, so the rejection says "this is a FLAC file", not "bad data". */
final class NotMpegSniffer {
    private NotMpegSniffer() {
    }

    static String describe(byte[] d) {
        if (TagSkipper.ascii(d, 0, "fLaC")) {
            return "a FLAC file";
        }
        if (TagSkipper.ascii(d, 0, "OggS")) {
            return "an Ogg file";
        }
        if (TagSkipper.ascii(d, 0, "FORM")) {
            return "an AIFF file";
        }
        if (TagSkipper.ascii(d, 0, "RIFF")) {
            return "a RIFF/WAV file";
        }
        if (TagSkipper.ascii(d, 0, "MThd")) {
            return "a MIDI file";
        }
        if (TagSkipper.ascii(d, 0, "ADIF")) {
            return "AAC audio (ADIF)";
        }
        if (TagSkipper.ascii(d, 4, "ftyp")) {
            return "an MP4/M4A file";
        }
        if (d.length > 2 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8) {
            return "a JPEG image";
        }
        if (d.length > 4 && (d[0] & 0xFF) == 0x30 && (d[1] & 0xFF) == 0x26 && (d[2] & 0xFF) == 0xB2 && (d[3] & 0xFF) == 0x75) {
            return "a Windows Media (ASF/WMA) file";
        }
        if (d.length > 2 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xF6) == 0xF0) {
            return "AAC audio (ADTS)";
        }
        return null;
    }
}
