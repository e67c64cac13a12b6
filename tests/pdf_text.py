"""Reading an exported PDF back in a test: its text, page after page (pypdfium2)."""

from __future__ import annotations

import pypdfium2 as pdfium


def pdf_text(content: bytes) -> str:
    document = pdfium.PdfDocument(content)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
