package vn.loa.server.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.loa.server.tts.normalise.NumberWords;
import vn.loa.server.tts.normalise.Region;
import vn.loa.server.tts.normalise.VietnameseNormaliser;

/**
 * The normaliser on phrases as commune bulletins write them (flood, storm, landslide, vaccination,
 * meetings, water and power cuts): the table in tts/normaliser-cases.csv, each row region|input|expected.
 */
class VietnameseNormaliserTest {

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvFileSource(resources = "/tts/normaliser-cases.csv", delimiterString = "|", numLinesToSkip = 1, quoteCharacter = '\u0000')
    void readsBulletinPhrasesAsSpoken(String region, String input, String expected) {
        assertEquals(expected, new VietnameseNormaliser(Region.parse(region)).normalise(input));
    }

    /** Every row again with its input decomposed (as some keyboards and PDFs give it): the same speech, composed. */
    @ParameterizedTest(name = "NFD [{0}] {1}")
    @CsvFileSource(resources = "/tts/normaliser-cases.csv", delimiterString = "|", numLinesToSkip = 1, quoteCharacter = '\u0000')
    void decomposedInputReadsTheSame(String region, String input, String expected) {
        String decomposed = Normalizer.normalize(input, Normalizer.Form.NFD);
        assertEquals(expected, new VietnameseNormaliser(Region.parse(region)).normalise(decomposed));
    }

    @Test
    void decomposedLettersComeOutComposed() {
        String out = new VietnameseNormaliser(Region.north()).normalise(Normalizer.normalize("Sơ tán 15 hộ", Normalizer.Form.NFD));
        assertEquals("Sơ tán mười lăm hộ", out);
        assertEquals(out, Normalizer.normalize(out, Normalizer.Form.NFC));
    }

    @Test
    void numberWordsFollowTheRegion() {
        NumberWords north = new NumberWords(Region.north());
        NumberWords south = new NumberWords(Region.south());
        assertEquals("một trăm linh năm", north.integer(105));
        assertEquals("một trăm lẻ năm", south.integer(105));
        assertEquals("hai mươi mốt", north.integer(21));
        assertEquals("mười một", north.integer(11));
        assertEquals("một triệu không trăm linh năm", north.integer(1_000_005));
        assertEquals("một tỷ không trăm linh một triệu", north.integer(1_001_000_000));
        assertEquals("không chín một hai", north.digits("0912"));
    }

    @Test
    void anUnknownRegionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Region.parse("central-highlands"));
    }
}
