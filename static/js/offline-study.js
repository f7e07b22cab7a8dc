// Studying offline (loaded by static/js/offline.js on course and lesson pages and the offline page): a
// course saved for offline reading with its size, a lesson completed and a quiz answered offline (queued
// with an idempotency key by offline.js), and the list of what this phone holds.
(function () {
    "use strict";
    var O = window.portalOffline;
    if (!O) { return; }
    var T = O.T, read = O.read, write = O.write, format = O.format, enqueue = O.enqueue, offline = O.offline;
    var COURSES = O.COURSES, user = O.user, hasCaches = O.hasCaches;

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
})();
