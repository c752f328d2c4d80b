package vn.loa.server.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates an MP3 by walking every MPEG audio frame, the way a receiver's decoder will meet them:
 * tags and junk skipped, Layer III only, no free format, one sample rate throughout, VBR headers
 * cross-checked against the frames actually present, and each frame's side information followed through the
 * bit reservoir so that valid headers over a payload that cannot be audio are refused
 * ({@link MainDataAudit}). Anything else is a {@link MediaRejected}.
 */
public final class Mp3Parser {
    /**
     * The version of the rules a verdict was made by; raise it whenever they change, so that the media
     * index judges every file again instead of trusting a verdict the new rules would not give.
     * 2: frames are judged by their Layer III side information, not only their headers.
     */
    public static final int RULES_VERSION = 2;
    /** More non-audio bytes than this share of the audio region between frames means the file is corrupt. */
    private static final double MAX_JUNK_SHARE = 0.05;
    /** Less audio than this is no bulletin: such a file is broken or cut off. */
    private static final long MIN_DURATION_MILLIS = 50;

    private Mp3Parser() {
    }

    public static Mp3Audio parse(byte[] d) throws MediaRejected {
        if (d.length == 0) {
            throw new MediaRejected("empty file");
        }
        String container = NotMpegSniffer.describe(d);
        if (container != null) {
            // Checked first: compressed data of other formats is full of byte pairs that look like frame syncs.
            throw new MediaRejected("not MP3: this is " + container);
        }
        int[] region = TagSkipper.audioRegion(d);
        int start = region[0];
        int end = region[1];
        int first = findSync(d, start, end);
        if (first < 0) {
            throw new MediaRejected(start >= end ? "no audio: the file holds only tags"
                    : "no MPEG audio frames in " + (end - start) + " bytes");
        }
        MpegHeader format = MpegHeader.parse(header(d, first));
        requireLayer3(format, first);
        List<String> warnings = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        long junk = first - start;
        long bitrateSum = 0;
        boolean bitrateVaries = false;
        int pos = first;
        while (pos + 4 <= end) {
            int h = header(d, pos);
            if (!MpegHeader.plausible(h)) {
                int next = findSync(d, pos + 1, end);
                if (next < 0) {
                    junk += end - pos;
                    break;
                }
                junk += next - pos;
                pos = next;
                continue;
            }
            MpegHeader frame = MpegHeader.parse(h);
            requireLayer3(frame, pos);
            if (frame.sampleRate() != format.sampleRate()) {
                throw new MediaRejected("sample rate changes from " + format.sampleRate() + " Hz to "
                        + frame.sampleRate() + " Hz at byte " + pos);
            }
            int length = frame.frameLength();
            if (pos + length > end) {
                warnings.add("last frame incomplete (" + (end - pos) + " of " + length + " bytes), dropped");
                break;
            }
            bitrateVaries |= !starts.isEmpty() && frame.bitrateKbps() != format.bitrateKbps();
            bitrateSum += frame.bitrateKbps();
            starts.add(pos);
            pos += length;
        }
        if (junk > MAX_JUNK_SHARE * (end - start)) {
            throw new MediaRejected("corrupt: " + junk + " of " + (end - start) + " bytes between frames are not audio");
        }
        if (junk > 0) {
            warnings.add(junk + " bytes of non-audio data skipped");
        }
        // A Xing tag in a first frame that was cut off (so never counted) heads no frames at all.
        VbrHeader vbr = starts.isEmpty() ? null : VbrHeader.find(d, first, format);
        if (vbr != null) {
            bitrateSum -= format.bitrateKbps();
            starts.remove(0);
            checkAnnouncedLength(vbr, starts.size(), format, warnings);
        }
        if (starts.isEmpty()) {
            throw new MediaRejected("no audio: the file holds only a " + (vbr != null ? vbr.kind() + " header frame" : "partial frame"));
        }
        long millis = (long) starts.size() * format.samplesPerFrame() * 1000 / format.sampleRate();
        if (millis < MIN_DURATION_MILLIS) {
            throw new MediaRejected("too short: " + starts.size() + " frame(s), " + millis + " ms of audio");
        }
        MainDataAudit.check(d, starts, format, warnings);
        return assemble(d, starts, format, bitrateSum, bitrateVaries || (vbr != null && vbr.variable()), warnings);
    }

    private static void checkAnnouncedLength(VbrHeader vbr, int found, MpegHeader f, List<String> warnings)
            throws MediaRejected {
        long announced = vbr.frames();
        if (announced <= 0) {
            warnings.add(vbr.kind() + " header gives no frame count; the " + found + " frames found are used");
        } else if (announced > found + 1 && announced > found * 1.01) {
            throw new MediaRejected("truncated: its " + vbr.kind() + " header announces " + announced + " frames ("
                    + seconds(announced, f) + " s) but the file holds " + found + " (" + seconds(found, f) + " s)");
        } else if (announced < found - 1) {
            warnings.add(vbr.kind() + " header announces " + announced + " frames, the file holds " + found
                    + "; the frames found are used");
        }
    }

    private static Mp3Audio assemble(byte[] d, List<Integer> starts, MpegHeader f, long bitrateSum,
                                     boolean vbr, List<String> warnings) {
        int n = starts.size();
        int[] frameStarts = new int[n + 1];
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += MpegHeader.parse(header(d, starts.get(i))).frameLength();
            frameStarts[i + 1] = total;
        }
        byte[] audio = new byte[total];
        for (int i = 0; i < n; i++) {
            System.arraycopy(d, starts.get(i), audio, frameStarts[i], frameStarts[i + 1] - frameStarts[i]);
        }
        long averageBitrate = bitrateSum * 1000 / n;
        return new Mp3Audio(audio, frameStarts, f.versionName(), f.sampleRate(), f.channels(), f.samplesPerFrame(),
                averageBitrate, vbr, List.copyOf(warnings));
    }

    /** A frame sync is trusted only when the next frame follows where its length says, or the audio ends. */
    private static int findSync(byte[] d, int from, int end) {
        for (int p = from; p + 4 <= end; p++) {
            if ((d[p] & 0xFF) != 0xFF || !MpegHeader.plausible(header(d, p))) {
                continue;
            }
            MpegHeader h = MpegHeader.parse(header(d, p));
            if (h.layer() != 3 || h.freeFormat()) {
                // Named as what it is only where a stream starts; elsewhere it is a chance bit pattern.
                if (p == from) {
                    return p;
                }
                continue;
            }
            int next = p + h.frameLength();
            if (next == end || next + 4 > end || (next + 4 <= end && MpegHeader.plausible(header(d, next)))) {
                return p;
            }
        }
        return -1;
    }

    private static void requireLayer3(MpegHeader h, int at) throws MediaRejected {
        if (h.layer() != 3) {
            throw new MediaRejected(h.versionName() + " Layer " + "I".repeat(h.layer()) + " audio at byte " + at
                    + "; only Layer III (MP3) is supported");
        }
        if (h.freeFormat()) {
            throw new MediaRejected("free-format bitrate at byte " + at + " is not supported");
        }
    }

    static int header(byte[] d, int p) {
        return (d[p] & 0xFF) << 24 | (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
    }

    private static String seconds(long frames, MpegHeader f) {
        return String.format("%.2f", frames * f.samplesPerFrame() / (double) f.sampleRate());
    }
}
