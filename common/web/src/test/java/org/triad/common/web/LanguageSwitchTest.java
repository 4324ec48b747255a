package org.triad.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageSwitchTest {

    @Test
    void chineseTagsMapToSimplifiedChinese() {
        assertThat(LanguageSwitch.supported("zh-CN")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(LanguageSwitch.supported("zh_CN")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(LanguageSwitch.supported("zh")).contains(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void englishVariantsMapToEnglish() {
        assertThat(LanguageSwitch.supported("en-GB")).contains(Locale.ENGLISH);
    }

    @Test
    void unsupportedOrJunkTagsAreIgnored() {
        assertThat(LanguageSwitch.supported("fr")).isEmpty();
        assertThat(LanguageSwitch.supported("")).isEmpty();
        assertThat(LanguageSwitch.supported(null)).isEmpty();
        assertThat(LanguageSwitch.supported("x".repeat(100))).isEmpty();
    }
}
