package org.triad.bank.domain.model.identity;

import org.triad.common.domain.DomainException;

/** No device session with this handle belongs to the caller (another customer's handle is answered the same). */
public class DeviceNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public DeviceNotFoundException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "device-not-found";
    }

    @Override
    public int status() {
        return 404;
    }
}
