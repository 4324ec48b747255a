package org.triad.bank.domain.model.organisation;

import java.util.Optional;

/**
 * The file types accepted as qualification documents, recognised by their magic bytes (never by the file name or
 * the content type the client claims).
 */
public enum DocumentFormat {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** 5 MB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final String contentType;
    private final byte[] magic;

    DocumentFormat(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<DocumentFormat> detect(byte[] content) {
        for (DocumentFormat format : values()) {
            if (content.length >= format.magic.length) {
                boolean matches = true;
                for (int i = 0; i < format.magic.length && matches; i++) {
                    matches = content[i] == format.magic[i];
                }
                if (matches) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /** The format of an acceptable document, or an exception: empty, larger than 5 MB, or not PDF/PNG/JPEG. */
    public static DocumentFormat check(byte[] content) {
        if (content == null || content.length == 0) {
            throw new OrganisationRuleException("invalid-document", 400, "The document is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw new OrganisationRuleException("document-too-large", 413, "A document may be at most 5 MB.");
        }
        return detect(content).orElseThrow(() -> new OrganisationRuleException("unsupported-document-type", 415,
                "Only PDF, PNG and JPEG documents are accepted (the file's content is none of them)."));
    }
}
