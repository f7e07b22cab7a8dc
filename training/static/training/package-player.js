/* Plays a lesson's SCORM package: creates the SCORM API the content looks for in its parent window
   (scorm-again, static/vendor/), gives it the learner's saved data, then loads the content into the
   sandboxed frame. Every commit is saved on the server; when the server says the lesson is done, the
   page says so. */
(function () {
    "use strict";

    function start() {
        var root = document.querySelector("[data-package-player]");
        if (!root) {
            return;
        }
        var kind = root.getAttribute("data-kind");
        var frame = root.querySelector("iframe");
        var done = root.querySelector("[data-package-done]");
        var saved = JSON.parse(document.getElementById("package-cmi").textContent || "{}");
        var learner = JSON.parse(document.getElementById("package-learner").textContent || "{}");
        var settings = {
            lmsCommitUrl: root.getAttribute("data-commit-url"),
            dataCommitFormat: "flattened",
            autocommit: true,
            autocommitSeconds: 15,
            logLevel: 5,
            xhrResponseHandler: function (xhr) {
                var body = null;
                try {
                    body = JSON.parse(xhr.responseText);
                } catch (error) {
                    body = null;
                }
                if (xhr.status < 200 || xhr.status > 299 || !body) {
                    return { result: "false", errorCode: 101 };
                }
                if (body.lessonDone && done) {
                    done.hidden = false;
                }
                return { result: body.result ? "true" : "false", errorCode: body.errorCode || 0 };
            }
        };
        if (kind === "h5p") {
            playH5p(root, frame, done);
            return;
        }
        var api;
        if (kind === "scorm12" && window.Scorm12API) {
            saved.core = saved.core || {};
            saved.core.student_id = learner.id;
            saved.core.student_name = learner.name;
            api = new window.Scorm12API(settings);
            window.API = api;
        } else if (kind === "scorm2004" && window.Scorm2004API) {
            saved.learner_id = learner.id;
            saved.learner_name = learner.name;
            api = new window.Scorm2004API(settings);
            window.API_1484_11 = api;
        } else {
            return;
        }
        api.loadFromJSON(saved, "");
        // The closing commit goes as a beacon, whose answer the page never sees: ask the server.
        function askIfDone(triesLeft) {
            var request = new XMLHttpRequest();
            request.open("GET", settings.lmsCommitUrl);
            request.onload = function () {
                var body = null;
                try {
                    body = JSON.parse(request.responseText);
                } catch (error) {
                    body = null;
                }
                if (body && body.lessonDone && done) {
                    done.hidden = false;
                } else if (triesLeft > 0) {
                    window.setTimeout(askIfDone, 800, triesLeft - 1);
                }
            };
            request.send();
        }
        api.on(kind === "scorm12" ? "LMSFinish" : "Terminate", function () {
            window.setTimeout(askIfDone, 300, 5);
        });
        frame.src = root.getAttribute("data-launch-url");
    }

    /* H5P: the frame posts its xAPI statements and state here; each one is saved, in order. */
    function playH5p(root, frame, done) {
        var url = root.getAttribute("data-commit-url");
        var queue = Promise.resolve();
        window.addEventListener("message", function (event) {
            if (event.origin !== window.location.origin || event.source !== frame.contentWindow) {
                return;
            }
            var data = event.data || {};
            var body = null;
            if (data.kind === "h5p-xapi") {
                body = { statement: data.statement };
            } else if (data.kind === "h5p-state") {
                body = { state: data.state };
            }
            if (!body) {
                return;
            }
            queue = queue.then(function () {
                return window.fetch(url, {
                    method: "POST",
                    credentials: "same-origin",
                    keepalive: true,
                    headers: { "Content-Type": "application/json" },
                    body: JSON.stringify(body)
                }).then(function (response) {
                    return response.ok ? response.json() : {};
                }).then(function (answer) {
                    if (answer.lessonDone && done) {
                        done.hidden = false;
                    }
                }).catch(function () {
                    return null;
                });
            });
        });
        frame.src = root.getAttribute("data-launch-url");
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
