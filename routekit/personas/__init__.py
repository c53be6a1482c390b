"""Personas of the target group (route step 4d): prefilled from segments, enriched in conversations.

Compute: :mod:`~routekit.personas.prefill` (facts of a segment of interest),
:mod:`~routekit.personas.builder` (personas from facts, and their evidence),
:mod:`~routekit.personas.generate` (data-driven candidates by NMF),
:mod:`~routekit.personas.scheme_candidates` (candidates from the scheme's groups
when there are no usage figures), :mod:`~routekit.personas.card` (what the card
shows, and the card as Markdown). Drawing: :mod:`~routekit.personas.plot` (the
one-page card, the candidates' profiles). The route: :mod:`~routekit.personas.stored`
(read, compute, save). Report: :mod:`~routekit.personas.report`.

A segment is a starting point, not a verdict: "een basis, geen vaste leidraad".
"""
