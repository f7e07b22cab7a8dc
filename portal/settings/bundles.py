"""What every page loads: one stylesheet and one script, joined from these files in this order by
``portal/static_bundles.py`` (add an app's CSS or JS file here, never to a template)."""

STATIC_BUNDLES = {
    "css/site.css": {
        "files": [
            "css/portal.css",
            "css/comments.css",
            "css/feedback.css",
            "css/consultations.css",
            "css/search.css",
            "training/training.css",
        ],
        "print": ["css/print.css"],
    },
    "js/site.js": {
        "files": ["js/text-size.js", "js/portal.js", "js/search-suggest.js", "js/news.js", "js/proof-of-work.js"]
    },
}
