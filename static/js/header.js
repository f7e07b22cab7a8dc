// The phone header's toggles: buttons that open the menu and the search panel (aria-expanded). Without
// this file the links beside them open the same panels with :target (static/css/header.css).
(function () {
    "use strict";
    var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-header-toggle]"));
    if (!buttons.length) { return; }

    function panelOf(button) { return document.getElementById(button.getAttribute("aria-controls")); }

    function setOpen(button, open) {
        var panel = panelOf(button);
        if (!panel) { return; }
        button.setAttribute("aria-expanded", open ? "true" : "false");
        panel.classList.toggle("is-open", open);
        if (open) {
            var field = panel.querySelector("input[type=search]");
            if (field) { field.focus(); }
        }
    }

    document.querySelectorAll("[data-toggle-link]").forEach(function (link) { link.hidden = true; });
    buttons.forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            var opening = button.getAttribute("aria-expanded") !== "true";
            buttons.forEach(function (other) { if (other !== button) { setOpen(other, false); } });
            setOpen(button, opening);
        });
    });
    document.addEventListener("keydown", function (event) {
        // An Escape that closed the suggestions list (search-suggest.js) leaves the panel open.
        if (event.key !== "Escape" || event.defaultPrevented) { return; }
        buttons.forEach(function (button) {
            if (button.getAttribute("aria-expanded") === "true") { setOpen(button, false); button.focus(); }
        });
    });
})();
