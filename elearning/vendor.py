"""Where the pinned browser libraries are (static/vendor/, copied by scripts/vendor_js.sh)."""

SCORM_AGAIN = "vendor/scorm-again-3.4.3"
H5P_STANDALONE = "vendor/h5p-standalone-3.8.2"

RUNTIME_SCRIPTS = {
    "scorm12": f"{SCORM_AGAIN}/scorm12.min.js",
    "scorm2004": f"{SCORM_AGAIN}/scorm2004.min.js",
    "h5p": None,  # h5p-standalone runs inside the frame (templates/training/h5p_player.html)
}
