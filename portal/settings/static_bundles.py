"""What every page loads: one stylesheet and one script, joined from these files (portal/static_bundles.py).
An app's own CSS or JavaScript is added here, never to a template."""

BUNDLES = {
    "css/site.css": {
        "files": [
            "css/portal.css",
            "css/comments.css",
            "css/feedback.css",
            "css/consultations.css",
            "css/search.css",
            "training/training.css",
            "documents/documents.css",
            "organisation/organisation.css",
        ],
        "print": ["css/print.css"],
    },
    "js/site.js": {
        "files": [
            "js/text-size.js",
            "js/portal.js",
            "js/search-suggest.js",
            "js/news.js",
            "js/proof-of-work.js",
            "js/visits.js",
        ]
    },
}
