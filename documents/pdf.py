"""A minimal one-page PDF saying a few lines of text, for the demo's and the tests' documents.

The text is written in Helvetica (a PDF standard font, so nothing is embedded): Vietnamese letters are
folded to ASCII (``home.text.fold_vi``) since that font has no Vietnamese glyphs."""

from home.text import fold_vi


def _escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(*lines):
    """The PDF's bytes: ``lines`` one under the other (folded to ASCII, the first in capitals)."""
    ascii_lines = [fold_vi(line).encode("ascii", "replace").decode() for line in lines]
    ascii_lines[:1] = [line.upper() for line in ascii_lines[:1]]
    text = "".join(
        f"BT /F1 12 Tf 56 {780 - 18 * number} Td ({_escape(line)}) Tj ET\n" for number, line in enumerate(ascii_lines)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text.encode()), text.encode()),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
