// Installable and offline (progressive enhancement; every page works without it). Registers the service
// worker (/sw.js), saves a course for offline reading, queues what a learner does offline (a lesson
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

    // A lesson marked completed offline.
    document.querySelectorAll("[data-offline-complete]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (!offline()) { return; }
            event.preventDefault();
            enqueue({kind: "lesson", lesson: parseInt(form.getAttribute("data-offline-complete"), 10)});
            var note = document.createElement("p");
            note.className = "ok";
            note.textContent = T.queued_lesson;
            form.replaceWith(note);
        });
    });

    // A quiz answered offline, from the questions saved with the course (they carry no answers).
    function savedQuiz(id) {
        var courses = read(COURSES, {}), found = null;
        Object.keys(courses).forEach(function (key) {
            (courses[key].quizzes || []).forEach(function (quiz) { if (String(quiz.id) === id) { found = quiz; } });
        });
        return found;
    }
    function offlineQuiz(box) {
        var quiz = savedQuiz(box.getAttribute("data-offline-quiz"));
        if (!quiz || box.querySelector("[data-offline-quiz-form]")) { return; }
        var form = document.createElement("form");
        form.className = "form quiz-form";
        form.setAttribute("data-offline-quiz-form", "");
        quiz.questions.forEach(function (question, index) {
            var fieldset = document.createElement("fieldset"), legend = document.createElement("legend");
            fieldset.className = "question";
            legend.textContent = format(T.question, {n: index + 1}) + " " + question.text + " (" + (question.multiple ? T.choose_all : T.choose_one) + ")";
            fieldset.appendChild(legend);
            question.choices.forEach(function (choice) {
                var row = document.createElement("div"), input = document.createElement("input"), label = document.createElement("label");
                row.className = "field__check";
                input.type = question.multiple ? "checkbox" : "radio";
                input.name = "q-" + question.id;
                input.value = choice.id;
                input.id = "offline-c-" + choice.id;
                label.htmlFor = input.id;
                label.textContent = choice.text;
                row.appendChild(input);
                row.appendChild(label);
                fieldset.appendChild(row);
            });
            form.appendChild(fieldset);
        });
        var error = document.createElement("p"), button = document.createElement("button");
        error.className = "field__error";
        error.setAttribute("role", "alert");
        button.type = "submit";
        button.className = "button";
        button.textContent = T.submit_quiz;
        form.appendChild(error);
        form.appendChild(button);
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var answers = {}, complete = true;
            quiz.questions.forEach(function (question) {
                var chosen = Array.prototype.map.call(form.querySelectorAll("input[name='q-" + question.id + "']:checked"), function (input) { return parseInt(input.value, 10); });
                if (!chosen.length) { complete = false; }
                answers[String(question.id)] = chosen;
            });
            if (!complete) { error.textContent = T.answer_all; return; }
            enqueue({kind: "quiz", quiz: quiz.id, answers: answers});
            var note = document.createElement("p");
            note.className = "ok";
            note.textContent = T.queued_quiz;
            form.replaceWith(note);
        });
        Array.prototype.forEach.call(box.querySelectorAll("form, .button"), function (node) { node.hidden = true; });
        box.appendChild(form);
    }
    if (offline()) { document.querySelectorAll("[data-offline-quiz]").forEach(offlineQuiz); }

    // Saving a course: every page and phone-size image into one cache, and its size shown.
    function humanSize(bytes) {
        return bytes > 1048576 ? (bytes / 1048576).toFixed(1).replace(".", ",") + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
    }
    function saveCourse(section, quiet) {
        var id = section.getAttribute("data-offline-course"), line = section.querySelector("[data-offline-course-status]");
        if (!quiet) { line.textContent = T.saving; }
        return fetch(section.getAttribute("data-package-url"), {credentials: "same-origin"}).then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.json();
        }).then(function (pack) {
            var urls = pack.pages.map(function (p) { return p.url; }).concat(pack.assets), size = 0;
            return caches.open("portal-course-" + id).then(function (cache) {
                return Promise.all(urls.map(function (url) {
                    return fetch(url, {credentials: "same-origin"}).then(function (response) {
                        if (!response.ok) { throw new Error(url); }
                        return response.clone().blob().then(function (blob) {
                            size += blob.size;
                            return cache.put(url, response);
                        });
                    });
                }));
            }).then(function () {
                var courses = read(COURSES, {});
                courses[id] = {title: pack.title, version: pack.version, pages: pack.pages.length, files: pack.assets.length,
                               size: size, savedAt: new Date().toISOString(), quizzes: pack.quizzes, urls: urls};
                write(COURSES, courses);
                showCourse(section);
            });
        }).catch(function () { if (!quiet) { line.textContent = T.save_failed; } });
    }
    function showCourse(section) {
        var saved = read(COURSES, {})[section.getAttribute("data-offline-course")];
        var line = section.querySelector("[data-offline-course-status]");
        section.querySelector("[data-offline-remove]").hidden = !saved;
        section.querySelector("[data-offline-save]").textContent = saved ? T.update : section.getAttribute("data-save-label");
        line.textContent = saved ? format(T.saved, {pages: saved.pages, files: saved.files, size: humanSize(saved.size),
                                                   time: new Date(saved.savedAt).toLocaleString("vi-VN")}) : "";
    }
    document.querySelectorAll("[data-offline-course]").forEach(function (section) {
        if (!hasCaches || !user) { return; }
        var id = section.getAttribute("data-offline-course");
        var save = section.querySelector("[data-offline-save]");
        section.setAttribute("data-save-label", save.textContent);
        section.hidden = false;
        save.addEventListener("click", function () { saveCourse(section, false); });
        section.querySelector("[data-offline-remove]").addEventListener("click", function () {
            caches.delete("portal-course-" + id).then(function () {
                var courses = read(COURSES, {});
                delete courses[id];
                write(COURSES, courses);
                showCourse(section);
                section.querySelector("[data-offline-course-status]").textContent = T.removed;
            });
        });
        showCourse(section);
        // Online again with a saved copy: a newer version of a lesson replaces it.
        var saved = read(COURSES, {})[id];
        if (saved && !offline()) {
            fetch(section.getAttribute("data-package-url"), {credentials: "same-origin"}).then(function (r) { return r.json(); })
                .then(function (pack) { if (pack.version !== saved.version) { saveCourse(section, true); } })
                .catch(function () {});
        }
    });

    // The offline page lists what this phone holds.
    var list = document.querySelector("[data-offline-saved-list]");
    if (list) {
        var courses = read(COURSES, {});
        Object.keys(courses).forEach(function (id) {
            var item = document.createElement("li"), link = document.createElement("a");
            link.href = courses[id].urls[0];
            link.textContent = T.saved_course + ": " + courses[id].title;
            item.appendChild(link);
            list.appendChild(item);
        });
        document.querySelector("[data-offline-saved]").hidden = !list.children.length;
    }

    showPending();
    window.addEventListener("online", function () { savedCopy = false; say([]); sync(); });
    window.addEventListener("offline", showPending);
    sync();
})();
