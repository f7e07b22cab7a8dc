// Applies the reader's remembered text size before the page paints. Without JavaScript the page
// keeps the browser's own size, which readers can still change with the browser's zoom.
(function () {
    var root = document.documentElement;
    root.classList.remove("no-js");
    root.classList.add("js");
    try {
        var size = window.localStorage.getItem("portal-text-size");
        if (size) { root.setAttribute("data-text-size", size); }
    } catch (e) { /* storage blocked: default size */ }
})();
