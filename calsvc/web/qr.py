"""QR codes of feed and schedule links, as inline SVG made here (segno): a phone at the venue
subscribes by pointing its camera at the page or at a printout, nothing is loaded from
elsewhere, and no script is needed."""

from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import Markup

# One fixed mask: any mask makes a valid code, and choosing the best of eight costs eight
# times as long (about 15 ms a code here, for pages that hold dozens of codes).
MASK = 2


@lru_cache(maxsize=1024)
def qr_svg(text: str, title: str) -> Markup:
    """`text` as a QR code in an <svg> element with a <title> for screen readers."""
    code = segno.make_qr(text, error="m", mask=MASK, boost_error=False)
    svg = code.svg_inline(scale=3, dark="#000", light="#fff", title=title, svgclass="qr")
    return Markup(svg)  # noqa: S704 - segno escapes the title; the rest is its own markup
