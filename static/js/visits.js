// Visit count (visits/counter.py): once the page has loaded, tell the portal which page was read.
// No cookie, nothing about the reader; pages from a cache are counted the same. Without JavaScript
// nothing is sent and the visit is not counted.
(function () {
    "use strict";
    var element = document.querySelector("[data-visit-beacon][data-visit-page]");
    if (!element || document.visibilityState === "prerender") { return; }
    var url = element.getAttribute("data-visit-beacon");
    var body = new URLSearchParams({ page: element.getAttribute("data-visit-page") });
    function send() {
        if (navigator.sendBeacon && navigator.sendBeacon(url, body)) { return; }
        if (window.fetch) {
            fetch(url, { method: "POST", body: body, credentials: "omit", keepalive: true }).catch(function () {});
        }
    }
    if (document.readyState === "complete") { send(); } else { window.addEventListener("load", send); }
})();
