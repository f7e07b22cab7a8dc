// Self-hosted proof of work for public forms (feedback, comments). Progressive enhancement: without
// JavaScript or Web Crypto the form is still sent, only with a smaller allowance per address.
// On a cached page the form's tokens are fetched first (feedback/tokens.py).
// Finds a nonce such that SHA-256(token + ":" + nonce) starts with `bits` zero bits.
(function () {
    "use strict";
    var hasCrypto = !!(window.crypto && window.crypto.subtle && window.TextEncoder);
    var encoder = hasCrypto ? new TextEncoder() : null;

    function leadingZeroBits(buffer) {
        var bytes = new Uint8Array(buffer), count = 0;
        for (var i = 0; i < bytes.length; i++) {
            if (bytes[i] === 0) { count += 8; continue; }
            for (var bit = 7; bit >= 0; bit--) {
                if (bytes[i] & (1 << bit)) { return count; }
                count++;
            }
        }
        return count;
    }

    function solve(token, bits, nonceInput) {
        var nonce = 0;
        function step() {
            var batch = [];
            for (var i = 0; i < 64; i++, nonce++) {
                batch.push(crypto.subtle.digest("SHA-256", encoder.encode(token + ":" + nonce.toString(36))));
            }
            return Promise.all(batch).then(function (digests) {
                for (var j = 0; j < digests.length; j++) {
                    if (leadingZeroBits(digests[j]) >= bits) {
                        nonceInput.value = (nonce - digests.length + j).toString(36);
                        return;
                    }
                }
                return step();
            });
        }
        return step();
    }

    // A cached page carries no per-visitor secret: fetch this visitor's CSRF and form tokens first.
    function tokens(form, tokenInput) {
        var url = form.getAttribute("data-token-url");
        if (tokenInput.value || !url || !window.fetch) { return Promise.resolve(); }
        return fetch(url, { credentials: "same-origin", cache: "no-store" })
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (data) {
                var csrf = form.querySelector("[data-csrf]");
                if (csrf) { csrf.value = data.csrf; }
                tokenInput.value = data.token;
                tokenInput.setAttribute("data-pow-bits", String(data.bits));
            });
    }

    document.querySelectorAll("form[data-pow-form]").forEach(function (form) {
        var tokenInput = form.querySelector("[data-pow-token]");
        var nonceInput = form.querySelector("[data-pow-nonce]");
        if (!tokenInput || !nonceInput) { return; }
        // Without the tokens the form is still sent: the server shows it again with fresh ones.
        // Asked for when the reader starts on the form, not with every view of a cached page.
        var pending = null;
        function start() {
            if (!pending) {
                pending = tokens(form, tokenInput).then(function () {
                    if (!tokenInput.value || !hasCrypto) { return; }
                    var bits = parseInt(tokenInput.getAttribute("data-pow-bits") || "14", 10);
                    return solve(tokenInput.value, bits, nonceInput);
                });
            }
            return pending;
        }
        if (tokenInput.value) { start(); } else { form.addEventListener("focusin", start); }
        var submitting = false;
        form.addEventListener("submit", function (event) {
            if (nonceInput.value || submitting) { return; }
            // Rarely the work is not finished when the visitor presses "send": wait for it, then send.
            event.preventDefault();
            submitting = true;
            var status = form.querySelector("[data-pow-status]");
            if (status) { status.hidden = false; status.textContent = status.getAttribute("data-waiting") || "…"; }
            start().then(function () { form.submit(); }, function () { form.submit(); });
        });
    });
})();
