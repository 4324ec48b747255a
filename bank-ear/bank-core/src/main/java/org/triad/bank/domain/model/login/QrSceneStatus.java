package org.triad.bank.domain.model.login;

/**
 * Where a QR login scene is: waiting for a phone ({@code PENDING}), opened by a phone or scanned in WeChat
 * ({@code SCANNED}), confirmed or rejected there, timed out ({@code EXPIRED}), or used to sign the waiting browser
 * in ({@code CONSUMED}).
 */
public enum QrSceneStatus {
    PENDING, SCANNED, CONFIRMED, REJECTED, EXPIRED, CONSUMED;

    public boolean isFinal() {
        return this == REJECTED || this == EXPIRED || this == CONSUMED;
    }
}
