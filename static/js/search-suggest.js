// Suggestions under the header search box: the ARIA 1.2 combobox with a listbox popup.
// Progressive enhancement only: without this file the box is a plain search form.
(function () {
    "use strict";
    var DELAY = 200, MIN_LENGTH = 2;

    function setup(input) {
        var form = input.form, url = input.getAttribute("data-suggest-url");
        if (!form || !url || !window.fetch) { return; }
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        var status = document.createElement("div");
        var timer = null, controller = null, active = -1, items = [], lastQuery = "";

        list.id = listId;
        list.className = "search-suggest";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        form.classList.add("search-box--suggest");
        form.appendChild(list);
        form.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            items.forEach(function (item, position) {
                item.setAttribute("aria-selected", position === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", items[index].id);
                items[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function option(id, url, build) {
            var item = document.createElement("li");
            item.id = id;
            item.setAttribute("role", "option");
            item.setAttribute("aria-selected", "false");
            item.setAttribute("data-url", url);
            build(item);
            item.addEventListener("mousedown", function (event) { event.preventDefault(); });
            item.addEventListener("click", function () { window.location.href = url; });
            return item;
        }

        function render(data) {
            list.textContent = "";
            items = [];
            data.results.forEach(function (result, index) {
                items.push(option(listId + "-" + index, result.url, function (item) {
                    var title = document.createElement("span");
                    title.className = "search-suggest__title";
                    result.segments.forEach(function (segment) {
                        var node = document.createElement(segment.match ? "mark" : "span");
                        node.textContent = segment.text;
                        title.appendChild(node);
                    });
                    var group = document.createElement("span");
                    group.className = "search-suggest__group";
                    group.textContent = result.group;
                    item.appendChild(title);
                    item.appendChild(group);
                }));
            });
            var allUrl = form.getAttribute("action") + "?q=" + encodeURIComponent(data.query);
            items.push(option(listId + "-all", allUrl, function (item) {
                item.className = "search-suggest__all";
                item.textContent = (input.getAttribute("data-suggest-all") || "") + " “" + data.query + "”";
            }));
            items.forEach(function (item) { list.appendChild(item); });
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
            active = -1;
            status.textContent = (input.getAttribute("data-suggest-status") || "%s").replace("%s", String(data.results.length));
        }

        function load() {
            var query = input.value.trim();
            if (query.length < MIN_LENGTH) { close(); lastQuery = ""; return; }
            if (query === lastQuery && !list.hidden) { return; }
            lastQuery = query;
            if (controller) { controller.abort(); }
            controller = window.AbortController ? new AbortController() : null;
            fetch(url + "?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (data) {
                if (data && input.value.trim() === query && document.activeElement === input) { render(data); }
            }).catch(function () { /* the form still works */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(load, DELAY);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown") {
                if (list.hidden) { load(); return; }
                event.preventDefault();
                highlight(active + 1 >= items.length ? 0 : active + 1);
            } else if (event.key === "ArrowUp") {
                if (list.hidden) { return; }
                event.preventDefault();
                highlight(active - 1 < 0 ? items.length - 1 : active - 1);
            } else if (event.key === "Escape") {
                if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ""; }
            } else if (event.key === "Enter" && !list.hidden && active >= 0) {
                event.preventDefault();
                window.location.href = items[active].getAttribute("data-url");
            }
        });
        input.addEventListener("blur", function () { window.setTimeout(close, 100); });
    }

    document.querySelectorAll("[data-search-input]").forEach(setup);
})();
