"""Strategy of a theme (route steps 5–6): the POST-O canvas and Lankes' knowledge creation.

Compute: :mod:`~routekit.strategy.channels` (offline/online channels and suggestions),
:mod:`~routekit.strategy.post_o` (canvas prefill from personas, warnings, what its page
shows), :mod:`~routekit.strategy.knowledge` (the four conditions and the cycle).
Drawing: :mod:`~routekit.strategy.plot` (the one-page canvas, the conditions and the
cycle). The route: :mod:`~routekit.strategy.stored`. Report: :mod:`~routekit.strategy.report`.
"""
