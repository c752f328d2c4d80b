package vn.loa.server.media.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import vn.loa.server.auth.Principal;
import vn.loa.server.media.GlobalGain;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaRejected;
import vn.loa.server.media.MediaUploads;
import vn.loa.server.media.Mp3Refusals;

/**
 * One recording on its way into the library, run on a conversion thread: judged, measured, brought to
 * the target loudness in the cheapest honest way, and placed through the library door. An MP3 already
 * in the station format only has its global_gain shifted; everything else is converted in one pass.
 * The work files are removed whatever happens.
 *
 * @param upload   the name it came with (memo.m4a); the library item is {@code base}.mp3
 * @param input    the bytes as they came, in the work folder; this job owns the file
 */
record IngestJob(AudioIngest.Parts parts, String upload, String base, String extension, Path input, Principal who,
                 String area, boolean replace) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestJob.class);

    String libraryName() {
        return base + ".mp3";
    }

    MediaEntry run() {
        Path work = input.getParent();
        Path out = work.resolve(UUID.randomUUID() + ".mp3");
        try {
            if (extension.equals("mp3")) {
                MediaEntry verdict = parts.library().judge(input, libraryName());
                if (!verdict.accepted()) {
                    throw new MediaUploads.Refused(MediaUploads.Refused.Kind.INVALID, Mp3Refusals.code(verdict.reason()),
                            libraryName() + " was refused: " + verdict.reason());
                }
                if (parts.settings().station().fits(verdict)) {
                    return gainWithoutReencoding(out);
                }
                if (!parts.settings().reencodeMp3()) {
                    LoudnessMeter.Measured m = measure(input, 0, 1);
                    return place(input, false, new Loudness(m.integrated(), m.truePeak(), 0, near(m.integrated())));
                }
            }
            return convert(out);
        } finally {
            deleteQuietly(input);
            deleteQuietly(out);
        }
    }

    /**
     * One pass to the station format with the gain applied, then the result measured as stored. Where the
     * limiter had to hold peaks it takes some loudness with them (speech recorded up to 0 dBFS loses about
     * 2 LU), so a result more than half a unit off is encoded once more, from the input, with the gain
     * corrected by what was missing: one generation of coding loss still, never two.
     */
    private MediaEntry convert(Path out) {
        LoudnessMeter.Measured before = measure(input, 0, 0.25);
        Double gain = before.integrated() == null ? null : parts.settings().targetLufs() - before.integrated();
        encode(gain, before, out, 0.25, 0.35);
        LoudnessMeter.Measured after = measure(out, 0.6, 0.1);
        if (gain != null && after.integrated() != null
                && Math.abs(parts.settings().targetLufs() - after.integrated()) > 0.5) {
            gain += Math.max(-12, Math.min(12, parts.settings().targetLufs() - after.integrated()));
            encode(gain, before, out, 0.7, 0.2);
            after = measure(out, 0.9, 0.05);
        }
        int steps = after.integrated() == null ? 0 : trim(after);
        if (steps != 0) {
            // Still off (a bright file loses energy to the encoder's low-pass): put right losslessly, as an
            // MP3 in station format is.
            try {
                Files.write(out, GlobalGain.apply(Files.readAllBytes(out), steps));
                after = measure(out, 0.95, 0.05);
                gain = (gain == null ? 0 : gain) + steps * GlobalGain.DB_PER_STEP;
            } catch (MediaRejected | IOException e) {
                throw failed("the converted file could not be trimmed: " + e.getMessage());
            }
        }
        LOG.info("Converted {}: {} LUFS in, gain {} dB, {} LUFS / {} dBTP stored", upload, before.integrated(),
                gain == null ? 0 : round(gain), after.integrated(), after.truePeak());
        return place(out, true, new Loudness(after.integrated(), after.truePeak(), gain == null ? 0 : round(gain),
                near(after.integrated())));
    }

    private void encode(Double gain, LoudnessMeter.Measured before, Path out, double from, double share) {
        try {
            parts.encoder().encode(input, gain, before.truePeak(), out, p -> parts.progress(upload, from + share * p));
        } catch (LoudnessMeter.Undecodable e) {
            throw undecodable(e.getMessage());
        } catch (Ffmpeg.Failed e) {
            throw failed(e.getMessage());
        }
    }

    /** Whole steps that bring a converted file nearer the target, unless it is within half a step already. */
    private int trim(LoudnessMeter.Measured m) {
        double off = parts.settings().targetLufs() - m.integrated();
        return Math.abs(off) <= GlobalGain.DB_PER_STEP / 2 ? 0 : steps(m);
    }

    /** Whole global_gain steps nearest the target that keep the true peak under the ceiling. */
    private int steps(LoudnessMeter.Measured m) {
        ConversionSettings s = parts.settings();
        int steps = (int) Math.round((s.targetLufs() - m.integrated()) / GlobalGain.DB_PER_STEP);
        while (steps > 0 && m.truePeak() + steps * GlobalGain.DB_PER_STEP > s.truePeakDbtp()) {
            steps--;
        }
        return steps;
    }

    /**
     * The mp3gain way: whole 1.5 dB steps to every granule, as near the target as the true-peak ceiling
     * lets. When that cannot come within 1 LU (a peaky quiet file), the file is converted after all, where
     * a limiter can hold the peaks.
     */
    private MediaEntry gainWithoutReencoding(Path out) {
        LoudnessMeter.Measured m = measure(input, 0, 0.5);
        if (m.integrated() == null) {
            return place(input, false, new Loudness(null, m.truePeak(), 0, false));
        }
        int steps = steps(m);
        if (!near(m.integrated() + steps * GlobalGain.DB_PER_STEP)) {
            return convert(out);
        }
        if (steps == 0) {
            return place(input, false, new Loudness(m.integrated(), m.truePeak(), 0, true));
        }
        try {
            Files.write(out, GlobalGain.apply(Files.readAllBytes(input), steps));
        } catch (MediaRejected e) {
            return convert(out);
        } catch (IOException e) {
            throw failed("the gain could not be written: " + e.getMessage());
        }
        LoudnessMeter.Measured after = measure(out, 0.5, 0.5);
        return place(out, true, new Loudness(after.integrated(), after.truePeak(), steps * GlobalGain.DB_PER_STEP,
                near(after.integrated())));
    }

    /** Through the door; the recording as it came goes to the originals when the stored file differs from it. */
    private MediaEntry place(Path finished, boolean keepOriginal, Loudness loudness) {
        MediaEntry entry = parts.door().enter(who, libraryName(), replace, area, () -> parts.uploads().place(finished,
                libraryName(), replace, keepOriginal ? input : null, base + "." + extension));
        parts.loudness().put(entry.path(), loudness);
        parts.progress(upload, 1.0);
        return entry;
    }

    private LoudnessMeter.Measured measure(Path file, double from, double share) {
        try {
            return parts.meter().measure(file, p -> parts.progress(upload, from + share * p));
        } catch (LoudnessMeter.Undecodable e) {
            throw undecodable(e.getMessage());
        } catch (Ffmpeg.Failed e) {
            throw failed(e.getMessage());
        }
    }

    private boolean near(Double lufs) {
        return Loudness.near(lufs, parts.settings().targetLufs());
    }

    /** ffmpeg names the work file it read; the caller knows it by the name it uploaded, and paths stay private. */
    private ConversionRefused undecodable(String reason) {
        return ConversionRefused.undecodable(upload, reason.replace(input.toString(), upload));
    }

    private static ConversionRefused failed(String reason) {
        return ConversionRefused.failed(reason);
    }

    private static double round(double db) {
        return Math.round(db * 10) / 10.0;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover in the hidden work folder is cleared at the next start
        }
    }
}
