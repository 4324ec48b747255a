/*
 * Passkeys (WebAuthn) for the bank's pages: turns the server's JSON options (binary values base64url) into the
 * browser's calls and the browser's PublicKeyCredential back into JSON (the WebAuthn Level 3 toJSON() shape, built
 * by hand so that browsers without toJSON() work too), which the page posts to the server to verify.
 */
window.triadPasskeys = (function () {
    function toBuffer(value) {
        let s = value.replace(/-/g, '+').replace(/_/g, '/');
        while (s.length % 4) {
            s += '=';
        }
        const binary = atob(s);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) {
            bytes[i] = binary.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function toBase64Url(buffer) {
        const bytes = new Uint8Array(buffer);
        let s = '';
        for (let i = 0; i < bytes.length; i++) {
            s += String.fromCharCode(bytes[i]);
        }
        return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function asJson(credential) {
        const r = credential.response;
        const json = {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment || undefined,
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
            response: {clientDataJSON: toBase64Url(r.clientDataJSON)}
        };
        if (r.attestationObject) {
            json.response.attestationObject = toBase64Url(r.attestationObject);
            json.response.transports = r.getTransports ? r.getTransports() : [];
        } else {
            json.response.authenticatorData = toBase64Url(r.authenticatorData);
            json.response.signature = toBase64Url(r.signature);
            if (r.userHandle) {
                json.response.userHandle = toBase64Url(r.userHandle);
            }
        }
        return JSON.stringify(json);
    }

    function descriptors(list) {
        return (list || []).map(function (c) {
            return {type: c.type, id: toBuffer(c.id)};
        });
    }

    /* answer(json) posts the response; failed(reason) tells the page (cancelled, not allowed, unsupported). */
    function run(call, answer, failed) {
        if (!window.PublicKeyCredential || !navigator.credentials) {
            failed('NotSupportedError');
            return;
        }
        call().then(function (credential) {
            answer(asJson(credential));
        }, function (e) {
            failed((e && e.name) || String(e));
        });
    }

    return {
        create: function (optionsJson, answer, failed) {
            const o = typeof optionsJson === "string" ? JSON.parse(optionsJson) : optionsJson;
            o.challenge = toBuffer(o.challenge);
            o.user.id = toBuffer(o.user.id);
            o.excludeCredentials = descriptors(o.excludeCredentials);
            run(function () {
                return navigator.credentials.create({publicKey: o});
            }, answer, failed);
        },
        get: function (optionsJson, answer, failed) {
            const o = typeof optionsJson === "string" ? JSON.parse(optionsJson) : optionsJson;
            o.challenge = toBuffer(o.challenge);
            o.allowCredentials = descriptors(o.allowCredentials);
            run(function () {
                return navigator.credentials.get({publicKey: o});
            }, answer, failed);
        }
    };
})();
