package vn.loa.server.media.convert;

/**
 * server.yaml's {@code media:} block.
 *
 * @param ffmpeg            the ffmpeg program: a name looked up on PATH, or a path
 * @param conversionThreads conversions running at once; each is one ffmpeg process
 * @param queue             conversions waiting beyond those; one more is refused 503
 * @param station           the format every converted file is made in
 * @param targetLufs        integrated loudness every item is brought to (EBU R128)
 * @param truePeakDbtp      the highest true peak a normalised item may reach
 * @param reencodeMp3       whether an MP3 outside the station format is converted (true) or kept as it is
 */
public record ConversionSettings(String ffmpeg, int conversionThreads, int queue, StationFormat station,
                                 double targetLufs, double truePeakDbtp, boolean reencodeMp3) {
    public static final ConversionSettings DEFAULT = new ConversionSettings("ffmpeg", 1, 4, StationFormat.DEFAULT,
            -16.0, -1.5, true);

    public ConversionSettings {
        if (conversionThreads < 1 || queue < 0) {
            throw new IllegalArgumentException("media.conversionThreads must be at least 1 and the queue not negative");
        }
        if (targetLufs > -5 || targetLufs < -40 || truePeakDbtp > 0 || truePeakDbtp < -9) {
            throw new IllegalArgumentException("media.loudness: targetLufs must be -40..-5 and truePeakDbtp -9..0, got "
                    + targetLufs + " and " + truePeakDbtp);
        }
    }
}
