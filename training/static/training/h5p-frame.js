/* Runs inside a lesson's frame: plays the H5P package with h5p-standalone (static/vendor/), gives it
   the learner's saved state, and hands every xAPI statement and the new state to the lesson page
   (which saves them: the package policy lets nothing here talk to the server). */
(function () {
    "use strict";
    var root = document.querySelector("[data-h5p-player]");
    if (!root || !window.H5PStandalone) {
        return;
    }
    var saved = JSON.parse(document.getElementById("h5p-state").textContent || '""');
    var options = {
        h5pJsonPath: root.getAttribute("data-content"),
        frameJs: root.getAttribute("data-frame-js"),
        frameCss: root.getAttribute("data-frame-css"),
        frame: false,
        icon: false,
        // This page is already the lesson's sandboxed frame: no second frame inside it.
        embedType: "div"
    };
    if (saved) {
        // H5P's core gives the content its previous state only when saving is on; with no user set
        // it never posts anything itself (the state reaches the server through the lesson page).
        options.contentUserData = [{ state: saved }];
        options.saveFreq = 30;
    }
    function tell(message) {
        window.parent.postMessage(message, window.location.origin);
    }
    new window.H5PStandalone.H5P(root, options).then(function () {
        window.H5P.externalDispatcher.on("xAPI", function (event) {
            var instance = window.H5P.instances && window.H5P.instances[0];
            if (instance && typeof instance.getCurrentState === "function") {
                tell({ kind: "h5p-state", state: instance.getCurrentState() || {} });
            }
            tell({ kind: "h5p-xapi", statement: event.data.statement });
        });
    });
})();
