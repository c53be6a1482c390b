"""Personas of the target group (route step 4d): prefilled from segments, enriched in conversations.

Modules: :mod:`~routekit.personas.prefill` (facts of a segment of interest),
:mod:`~routekit.personas.builder` (create/update personas with their evidence),
:mod:`~routekit.personas.generate` (data-driven candidates by NMF),
:mod:`~routekit.personas.scheme_candidates` (candidates from the scheme's groups
when there are no usage figures),
:mod:`~routekit.personas.card` (one-page persona card, Markdown and HTML).

A segment is a starting point, not a verdict: "een basis, geen vaste leidraad".
"""
