"""Refuses PDFs that can act on their own when opened: JavaScript, launch actions, embedded files.

A moderator opens what the public sends. A PDF is a list of objects whose dictionaries name what a
reader should do; the names that run code or carry files are searched for in the file's bytes and in
every Flate-compressed stream (object streams hide dictionaries there), with ``#xx`` escapes in names
undone (``/J#61vaScript`` is ``/JavaScript``). Encrypted PDFs cannot be read this way and are refused.
"""

import re
import zlib

# PDF names whose presence means code, actions on open or on events, or files inside the file.
DANGEROUS = {
    b"JS": "JavaScript",
    b"JavaScript": "JavaScript",
    b"Launch": "Launch",
    b"EmbeddedFile": "EmbeddedFile",
    b"EmbeddedFiles": "EmbeddedFile",
    b"AA": "AA",
    b"RichMedia": "RichMedia",
    b"Encrypt": "Encrypt",
}
_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]*)")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
# Decompressed bytes examined at most: far above any honest letter or scan, bounded against zip bombs.
MAX_INFLATED = 64 * 1024 * 1024


def _names(data):
    for match in _NAME.finditer(data):
        yield _ESCAPE.sub(lambda escape: bytes([int(escape.group(1), 16)]), match.group(1))


def _inflated_streams(data):
    """Each stream's content, inflated where it is Flate-compressed; one pass over the file."""
    view = memoryview(data)
    budget = MAX_INFLATED
    position = 0
    while budget > 0:
        match = _STREAM.search(data, position)
        if match is None:
            return
        end = data.find(b"endstream", match.end())
        end = len(data) if end < 0 else end
        position = end + len(b"endstream")
        try:
            chunk = zlib.decompressobj().decompress(view[match.end() : end], budget)
        except zlib.error:
            continue
        budget -= len(chunk)
        yield chunk


def dangerous_features(data):
    """The kinds of active content found in the PDF ``data`` (a sorted list, empty when none)."""
    found = {DANGEROUS[name] for name in _names(data) if name in DANGEROUS}
    if "Encrypt" not in found:
        for chunk in _inflated_streams(data):
            found.update(DANGEROUS[name] for name in _names(chunk) if name in DANGEROUS)
    return sorted(found)
