package org.triad.bank.domain.model.organisation;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The bytes of a qualification document, read only when someone allowed downloads it. */
@Entity
@Table(name = "organisation_document_content")
public class DocumentContent {

    @Id
    @Column(name = "document_id")
    private long documentId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected DocumentContent() {
    }

    public DocumentContent(long documentId, byte[] content) {
        this.documentId = documentId;
        this.content = content.clone();
    }

    public long documentId() {
        return documentId;
    }

    public byte[] content() {
        return content.clone();
    }
}
