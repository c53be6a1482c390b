"""Widget forms for the guided notebooks (ipywidgets).

Forms only wire widgets to routekit's functions and to the route workspace:
no computing here. Each form is a class with a ``widget`` attribute to display
and plain attributes for its inputs and buttons, so tests drive it without a
browser: set ``.value``, call ``.click()``, check the saved records.
One module per route stage.
"""
