// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    var MIN = -1, MAX = 3, KEY = "portal-text-size";
    var root = document.documentElement;

    function currentSize() {
        return parseInt(root.getAttribute("data-text-size") || "0", 10) || 0;
    }
    function setSize(size) {
        size = Math.max(MIN, Math.min(MAX, size));
        if (size === 0) { root.removeAttribute("data-text-size"); } else { root.setAttribute("data-text-size", String(size)); }
        try { window.localStorage.setItem(KEY, String(size)); } catch (e) { /* not remembered */ }
    }

    document.querySelectorAll("[data-text-size-control]").forEach(function (control) {
        control.hidden = false;
        control.addEventListener("click", function (event) {
            var button = event.target.closest("[data-text-size]");
            if (!button) { return; }
            setSize(currentSize() + (button.getAttribute("data-text-size") === "up" ? 1 : -1));
        });
    });

    // Move focus to a form's error summary so screen-reader and keyboard users hear it first.
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
})();
