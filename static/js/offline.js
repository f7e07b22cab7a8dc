// Installable and offline (progressive enhancement; every page works without it). Registers the service
// worker (/sw.js), queues what a learner does offline (a lesson
// completed, a quiz answered) with an idempotency key each, and sends the queue when the network is
// back (offline/services/sync.py applies each key once). Caches holding a learner's own pages are
// deleted on sign-out and when another account signs in on this phone.
(function () {
    "use strict";
    if (!window.localStorage || !window.JSON) { return; }
    var QUEUE = "portal-offline-queue", COURSES = "portal-offline-courses", USER = "portal-offline-user";
    var stringsNode = document.getElementById("offline-strings");
    var T = stringsNode ? JSON.parse(stringsNode.textContent) : {};
    var account = document.querySelector("[data-user]");
    var user = account ? account.getAttribute("data-user") : "";
    var status = document.querySelector("[data-offline-status]");
    var hasCaches = "caches" in window;

    function format(text, values) {
        return (text || "").replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
    }
    function read(key, fallback) {
        try { return JSON.parse(localStorage.getItem(key)) || fallback; } catch (e) { return fallback; }
    }
    function write(key, value) {
        try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or blocked */ }
    }
    function say(lines) {
        if (!status) { return; }
        status.textContent = "";
        lines.forEach(function (line) {
            var p = document.createElement("p");
            p.textContent = line;
            status.appendChild(p);
        });
        status.hidden = !lines.length;
    }
    function newKey() {
        if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
        var bytes = new Uint8Array(16);
        crypto.getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }
    function csrfToken() {
        var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : "";
    }

    // What one learner saved is deleted before anyone else uses the phone.
    function forgetLearner() {
        localStorage.removeItem(COURSES);
        localStorage.removeItem(USER);
        if (!hasCaches) { return Promise.resolve(); }
        return caches.keys().then(function (names) {
            return Promise.all(names.filter(function (name) {
                return name === "portal-user" || name.indexOf("portal-course-") === 0;
            }).map(function (name) { return caches.delete(name); }));
        });
    }
    // A saved copy (the service worker marks it) says nothing of who is signed in now; a page from the
    // server does: signed out, or another account, and the previous learner's copies go.
    var savedCopy = !!(status && status.hasAttribute("data-saved-copy"));
    function offline() { return savedCopy || !navigator.onLine; }
    var remembered = localStorage.getItem(USER);
    if (!savedCopy && remembered && remembered !== user) { forgetLearner(); }
    if (user && !savedCopy) { localStorage.setItem(USER, user); }
    document.querySelectorAll("[data-sign-out]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (form.getAttribute("data-cleared")) { return; }
            event.preventDefault();
            forgetLearner().then(function () {
                form.setAttribute("data-cleared", "1");
                form.submit();
            });
        });
    });

    if ("serviceWorker" in navigator) {
        navigator.serviceWorker.register("/sw.js", {scope: "/"}).catch(function () { /* not offline, that is all */ });
    }

    // The queue of what was done offline, each with its key and the account it was done under.
    function queue() { return read(QUEUE, []); }
    function enqueue(action) {
        action.key = newKey();
        action.user = parseInt(user, 10);
        var items = queue();
        items.push(action);
        write(QUEUE, items);
        showPending();
    }
    function mine() {
        return queue().filter(function (action) { return String(action.user) === user; });
    }
    function showPending() {
        var pending = mine();
        document.querySelectorAll("[data-lesson-id]").forEach(function (item) {
            var waiting = pending.some(function (a) { return a.kind === "lesson" && String(a.lesson) === item.getAttribute("data-lesson-id"); });
            var mark = item.querySelector(".pending-mark");
            if (waiting && !mark) {
                mark = document.createElement("span");
                mark.className = "pending-mark";
                mark.textContent = T.pending_mark;
                item.appendChild(mark);
            } else if (!waiting && mark) { mark.remove(); }
        });
        document.querySelectorAll(".progress").forEach(function (bar) {
            var note = bar.querySelector(".pending-note");
            if (pending.length && !note) {
                note = document.createElement("p");
                note.className = "pending-note";
                bar.appendChild(note);
            }
            if (note) {
                if (pending.length) { note.textContent = format(T.pending_progress, {count: pending.length}); } else { note.remove(); }
            }
        });
        if (offline()) {
            say([T.offline].concat(pending.length ? [format(T.pending, {count: pending.length})] : []));
        }
    }

    var syncing = false;
    function sync() {
        var pending = mine(), url = "/khoa-hoc-cua-toi/dong-bo/";
        if (syncing || !user || !pending.length || offline()) { return; }
        syncing = true;
        fetch(url, {
            method: "POST", credentials: "same-origin",
            headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
            body: JSON.stringify({actions: pending.slice(0, 50)})
        }).then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.json();
        }).then(function (data) {
            var answered = {};
            data.results.forEach(function (result) { answered[result.key] = result; });
            write(QUEUE, queue().filter(function (action) { return !answered[action.key]; }));
            say([T.synced].concat(data.results.map(function (result) { return result.message; })));
            showPending();
        }).catch(function () { /* kept for the next connection */ }).then(function () { syncing = false; });
    }

    // Saving courses, answering quizzes offline and the offline page's list are in a second script,
    // loaded only on the pages that need them (its words and address come with them as JSON).
    var studyNode = document.getElementById("offline-study-strings");
    if (studyNode) {
        var study = JSON.parse(studyNode.textContent);
        Object.keys(study).forEach(function (name) { T[name] = study[name]; });
        window.portalOffline = {T: T, user: user, read: read, write: write, format: format, enqueue: enqueue,
                                offline: offline, hasCaches: hasCaches, COURSES: COURSES};
        var script = document.createElement("script");
        script.src = study.script;
        script.defer = true;
        document.head.appendChild(script);
    }

    showPending();
    window.addEventListener("online", function () { savedCopy = false; say([]); sync(); });
    window.addEventListener("offline", showPending);
    sync();
})();
