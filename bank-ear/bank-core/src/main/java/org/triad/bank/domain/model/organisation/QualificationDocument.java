package org.triad.bank.domain.model.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.triad.bank.domain.model.shared.Ids;

/** What is known about an uploaded qualification document; its bytes are a {@link DocumentContent}. */
@Entity
@Table(name = "organisation_document")
public class QualificationDocument {

    @Id
    private long id;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type", nullable = false)
    private DocumentFormat format;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false)
    private long uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected QualificationDocument() {
    }

    public QualificationDocument(long organisationId, String fileName, DocumentFormat format, long sizeBytes,
                                 String sha256, long uploadedBy, Instant now) {
        this.id = Ids.next();
        this.organisationId = organisationId;
        this.fileName = safeFileName(fileName, format);
        this.format = format;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The last path segment without control characters, at most 200 characters; a default name if nothing is left. */
    static String safeFileName(String name, DocumentFormat format) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (n.length() > 200) {
            n = n.substring(n.length() - 200);
        }
        return n.isEmpty() ? "document." + format.name().toLowerCase(java.util.Locale.ROOT) : n;
    }

    public long id() {
        return id;
    }

    public long organisationId() {
        return organisationId;
    }

    public String fileName() {
        return fileName;
    }

    public DocumentFormat format() {
        return format;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public long uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
