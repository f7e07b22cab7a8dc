// News article enhancements. Without JavaScript, "Sao chép liên kết" is a plain link to the article
// and "In bài" opens the print view; with it, they copy the address and open the print dialog.
(function () {
    "use strict";
    function announce(link, text) {
        var status = link.parentNode.querySelector(".share-links__status");
        if (status) { status.textContent = text; }
    }
    document.querySelectorAll("[data-copy-link]").forEach(function (link) {
        link.addEventListener("click", function (event) {
            if (!navigator.clipboard || !window.isSecureContext) { return; }
            event.preventDefault();
            navigator.clipboard.writeText(link.href).then(
                function () { announce(link, link.getAttribute("data-copied-text")); },
                function () { window.location.href = link.href; }
            );
        });
    });
    document.querySelectorAll("[data-print]").forEach(function (control) {
        control.hidden = false;
        control.addEventListener("click", function (event) {
            if (typeof window.print !== "function") { return; }
            event.preventDefault();
            window.print();
        });
    });
})();
