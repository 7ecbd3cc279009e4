"""The QR code of a handout: its `/go/` link, as SVG markup to put in the handout itself (nothing to fetch).

segno (pure Python, maintained, ISO/IEC 18004) picks the smallest version for the link; error
correction M survives a crease or a smudge on paper; the quiet zone of four modules that scanners
need is kept.
"""

from __future__ import annotations

import segno


def qr_svg(link: str, label: str) -> str:
    """`<svg>` of a QR code that encodes `link`, sized by the stylesheet (it has a viewBox, no size).

    `label` names it for screen readers and text extraction (the SVG's title).
    """
    code = segno.make(link, error="m", micro=False, boost_error=False)
    return code.svg_inline(omitsize=True, svgclass="kb-qr", lineclass=None, title=label, border=4)
