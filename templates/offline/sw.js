{% autoescape off %}// The portal's service worker (offline/views.py serves it at /sw.js, version {{ version }}).
// Pages: from the network first, a copy kept for offline; the copy is served only when the network
// fails, and the page then says it is offline (static/js/offline.js). Public pages (Cache-Control:
// public) go to "portal-pages", a signed-in learner's own pages to "portal-user" and saved courses to
// "portal-course-<id>": the page script deletes those two on sign-out or when another account signs in.
"use strict";
var VERSION = "{{ version }}";
var STATIC = "portal-static-" + VERSION;
var PAGES = "portal-pages", USER = "portal-user", MEDIA = "portal-media", COURSE = "portal-course-";
var PRECACHE = {{ precache }};
var OFFLINE_PAGE = "/ngoai-tuyen/";
var LIMITS = {"portal-pages": 40, "portal-user": 40, "portal-media": 80};
// Never kept: the admin, sign-in, the sync and package answers, quiz attempts (they change as one answers).
var SKIP = /^\/(admin|tai-khoan|documents|api|sw\.js|khoa-hoc-cua-toi\/(dong-bo|ngoai-tuyen|bai-lam|bai-kiem-tra|ghi-danh|hoan-thanh))/;

self.addEventListener("install", function (event) {
    event.waitUntil(caches.open(STATIC).then(function (cache) {
        // Without cookies: what is kept for everyone shows no one's name.
        return Promise.all(PRECACHE.map(function (url) {
            return fetch(url, {credentials: "omit"}).then(function (response) {
                if (response.ok) { return cache.put(url, response); }
            });
        }));
    }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) {
            return name.indexOf("portal-static-") === 0 && name !== STATIC;
        }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
});

function trim(name) {
    var limit = LIMITS[name];
    if (!limit) { return; }
    caches.open(name).then(function (cache) {
        cache.keys().then(function (keys) {
            keys.slice(0, Math.max(0, keys.length - limit)).forEach(function (key) { cache.delete(key); });
        });
    });
}

function courseCacheHolding(url) {
    return caches.keys().then(function (names) {
        var courses = names.filter(function (name) { return name.indexOf(COURSE) === 0; });
        return courses.reduce(function (found, name) {
            return found.then(function (hit) {
                if (hit) { return hit; }
                return caches.open(name).then(function (cache) {
                    return cache.match(url).then(function (match) { return match ? name : null; });
                });
            });
        }, Promise.resolve(null));
    });
}

function keep(request, response) {
    if (!response.ok || response.status !== 200 || response.redirected || response.type !== "basic") { return; }
    var copy = response.clone();
    var shared = /\bpublic\b/.test(response.headers.get("Cache-Control") || "");
    courseCacheHolding(request.url).then(function (course) {
        // A saved lesson read online again: the new version replaces the saved copy.
        var name = course || (shared ? PAGES : USER);
        return caches.open(name).then(function (cache) {
            return cache.delete(request.url).then(function () { return cache.put(request.url, copy); });
        }).then(function () { trim(name); });
    });
}

function page(event) {
    var request = event.request;
    return fetch(request).then(function (response) {
        keep(request, response);
        return response;
    }).catch(function () {
        return caches.match(request.url).then(function (saved) {
            return saved || caches.match(OFFLINE_PAGE);
        }).then(function (saved) { return saved ? marked(saved) : Response.error(); });
    });
}

function marked(saved) {
    // The page's script then knows it shows a saved copy, not what the server says now.
    return saved.text().then(function (html) {
        return new Response(html.replace("data-offline-status", "data-offline-status data-saved-copy"), {
            status: 200, headers: {"Content-Type": "text/html; charset=utf-8"}
        });
    });
}

function stem(url) {
    // Renditions of one image share the name before the first dot: photo.width-480.format-webp.webp
    var path = new URL(url).pathname, slash = path.lastIndexOf("/");
    return path.slice(0, slash + 1) + path.slice(slash + 1).split(".")[0] + ".";
}

function anyRendition(url) {
    var prefix = stem(url);
    return caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) {
            return caches.open(name).then(function (cache) { return cache.keys(); });
        }));
    }).then(function (lists) {
        var keys = [].concat.apply([], lists);
        var match = keys.find(function (key) { return new URL(key.url).pathname.indexOf(prefix) === 0; });
        return match ? caches.match(match) : Response.error();
    });
}

function media(event) {
    return caches.match(event.request.url).then(function (saved) {
        if (saved) { return saved; }
        return fetch(event.request).then(function (response) {
            if (response.ok && response.type === "basic") {
                var copy = response.clone();
                caches.open(MEDIA).then(function (cache) { cache.put(event.request.url, copy); trim(MEDIA); });
            }
            return response;
        }).catch(function () { return anyRendition(event.request.url); });
    });
}

function asset(event) {
    // Stale while revalidate: the copy at once, a fresh one kept for next time.
    return caches.open(STATIC).then(function (cache) {
        return cache.match(event.request.url).then(function (saved) {
            var fresh = fetch(event.request).then(function (response) {
                if (response.ok) { cache.put(event.request.url, response.clone()); }
                return response;
            });
            if (saved) { fresh.catch(function () {}); return saved; }
            return fresh;
        });
    });
}

self.addEventListener("fetch", function (event) {
    var request = event.request, url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin || SKIP.test(url.pathname)) { return; }
    if (request.mode === "navigate") {
        event.respondWith(page(event));
    } else if (url.pathname.indexOf("/static/") === 0) {
        event.respondWith(asset(event));
    } else if (url.pathname.indexOf("/media/") === 0) {
        event.respondWith(media(event));
    }
});
{% endautoescape %}
