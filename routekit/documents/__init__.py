"""Documents made from a route: the report (HTML, A4 PDF) and the slide deck (.pptx).

All of them show the same :class:`routekit.report.RouteDocument` (made once by
:func:`routekit.report.route_document`):

* :mod:`~routekit.documents.figures` – the one chart export (resolution per target, logo,
  atomic write) and the route's colours and logo;
* :mod:`~routekit.documents.summary` – the management summary in plain Dutch;
* :mod:`~routekit.documents.tables` – tables in Dutch number format;
* :mod:`~routekit.documents.pdf` – the A4 PDF (weasyprint);
* :mod:`~routekit.documents.slides` – the 16:9 slide deck (python-pptx).
"""
