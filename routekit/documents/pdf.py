"""The A4 PDF of the report, made from the same HTML page with weasyprint.

weasyprint needs the machine's pango library (Linux: the ``libpango-1.0-0``
package; macOS: ``brew install pango``; Windows: the GTK runtime, or use conda,
whose ``environment.yml`` brings pango along). When it cannot load,
:func:`write_pdf` raises a :class:`PdfUnavailable` with a Dutch message that says so.

Examples
--------
>>> path = write_pdf("<html><body><p>Hallo</p></body></html>", "out/hallo.pdf")
>>> path.read_bytes()[:5]
b'%PDF-'
"""

from __future__ import annotations

from pathlib import Path

from routekit.errors import Problem, RouteError
from routekit.i18n import t

__all__ = ["PdfUnavailable", "pdf_engine", "write_pdf"]


class PdfUnavailable(RouteError):
    """weasyprint (or the pango library it needs) cannot be loaded on this machine."""


def pdf_engine():
    """The weasyprint module, or :class:`PdfUnavailable` with what is missing and how to fix it."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: pango/cairo libraries not found
        message = t("documents.pdf.unavailable", error=str(error).splitlines()[0])
        raise PdfUnavailable(Problem(file="PDF", message=message)) from None
    return weasyprint


def write_pdf(page: str, path: str | Path) -> Path:
    """Write the HTML *page* as an A4 PDF at *path* (atomically); return the path."""
    from routekit.storage import atomic_write_bytes

    weasyprint = pdf_engine()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = weasyprint.HTML(string=page, base_url=str(path.parent)).write_pdf(
        pdf_variant=None, optimize_images=False)
    atomic_write_bytes(path, data, backup=False)
    return path
