package org.triad.bank.domain.model.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    @Test
    void theStandardsExampleIsValidAndAnyChangedCharacterIsNot() {
        // the example code of GB 32100-2015 explanations
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y4")).isFalse();
        // I, O, Z, S, V are not in the alphabet
        assertThat(UnifiedSocialCreditCode.isValid("91350100M00010OY43")).isFalse();
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void theTypeDecidesTheFirstTwoCharacters() {
        assertThat(OrganisationType.ENTERPRISE.checkRegistrationNumber(" 91350100m000100y43 "))
                .isEqualTo("91350100M000100Y43");
        assertThatThrownBy(() -> OrganisationType.FOUNDATION.checkRegistrationNumber("91350100M000100Y43"))
                .isInstanceOf(OrganisationRuleException.class).hasMessageContaining("53");
        assertThatThrownBy(() -> OrganisationType.parse("CORPORATION")).isInstanceOf(OrganisationRuleException.class);
        assertThat(OrganisationType.parse("sole_proprietor")).isEqualTo(OrganisationType.SOLE_PROPRIETOR);
    }

    @Test
    void documentsAreRecognisedByTheirContent() {
        assertThat(DocumentFormat.check("%PDF-1.7 ...".getBytes())).isEqualTo(DocumentFormat.PDF);
        assertThat(DocumentFormat.check(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo(DocumentFormat.JPEG);
        assertThatThrownBy(() -> DocumentFormat.check("hello".getBytes()))
                .isInstanceOf(OrganisationRuleException.class).hasMessageContaining("PDF, PNG and JPEG");
        assertThatThrownBy(() -> DocumentFormat.check(new byte[0])).isInstanceOf(OrganisationRuleException.class);
        byte[] big = new byte[DocumentFormat.MAX_BYTES + 1];
        System.arraycopy("%PDF-".getBytes(), 0, big, 0, 5);
        assertThatThrownBy(() -> DocumentFormat.check(big)).hasMessageContaining("5 MB");
        assertThat(QualificationDocument.safeFileName("C:\\Users\\x\\..\\licence.pdf", DocumentFormat.PDF))
                .isEqualTo("licence.pdf");
    }

    @Test
    void aDepartmentCannotMoveUnderItsOwnSubtree() {
        Department a = new Department(1, null, "A", Instant.now());
        Department b = new Department(1, a.id(), "B", Instant.now());
        Department c = new Department(1, b.id(), "C", Instant.now());
        Map<Long, Long> parents = new HashMap<>();
        parents.put(a.id(), null);
        parents.put(b.id(), a.id());
        parents.put(c.id(), b.id());
        assertThatThrownBy(() -> a.moveTo(c.id(), parents)).hasMessageContaining("under itself");
        assertThatThrownBy(() -> a.moveTo(a.id(), parents)).hasMessageContaining("under itself");
        c.moveTo(null, parents);
        assertThat(c.parentId()).isNull();
    }
}
