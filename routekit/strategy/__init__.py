"""Strategy of a theme (route steps 5–6): the POST-O canvas and Lankes' knowledge creation.

Modules: :mod:`~routekit.strategy.channels` (offline/online channels and suggestions),
:mod:`~routekit.strategy.post_o` (canvas prefill from personas, warnings, one-page figure),
:mod:`~routekit.strategy.knowledge` (the four conditions and the cycle).
"""
