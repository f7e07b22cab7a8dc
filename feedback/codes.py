"""Tracking codes: unguessable, short, easy to read aloud over the phone.

A code is "PA-" followed by eight characters of Crockford's base32 alphabet (no I, L, O, U), shown
in two groups of four: ``PA-7K3M-9QXD``. Eight characters carry 40 bits from ``secrets``. What a
person types is normalised: case, spaces and dashes do not matter, and the letters people confuse
with digits (O, I, L) are read as 0 and 1.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "PA"
LENGTH = 8  # 8 x 5 bits = 40 bits of randomness
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_SEPARATORS = re.compile(r"[\s\-_.–—]+")


def generate(prefix=PREFIX):
    body = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return format_code(body, prefix)


def format_code(body, prefix=PREFIX):
    return f"{prefix}-{body[:4]}-{body[4:]}"


def normalise(text, prefix=PREFIX, prefix_required=False):
    """The canonical form of a code a person typed, or ``None`` when it cannot be a code.

    Another kind of item (questions: ``HD``) has codes of its own prefix, which it then requires
    (``prefix_required``) so that a bare eight characters stay a feedback code.
    """
    if not text:
        return None
    compact = _SEPARATORS.sub("", str(text)).upper()
    if len(compact) == LENGTH + len(prefix) and compact.startswith(prefix):
        compact = compact[len(prefix) :]
    elif prefix_required:
        return None
    compact = compact.translate(_CONFUSABLE)
    if len(compact) != LENGTH or any(char not in ALPHABET for char in compact):
        return None
    return format_code(compact, prefix)
