"""Route step 7: the project plan made with the community.

Modules, each with one job:

* :mod:`~routekit.plan.model` – the plan as DataFrames, names resolved;
* :mod:`~routekit.plan.smart` – which SMART letter a goal misses;
* :mod:`~routekit.plan.tables` – activities, budget totals, KPIs, risks, contact moments;
* :mod:`~routekit.plan.formats` – euros, numbers, dates as a Dutch reader writes them;
* :mod:`~routekit.plan.stored` – the plan read from the route, what the forms need;
* :mod:`~routekit.plan.plot` – timeline (Gantt), budget, KPIs, risks;
* :mod:`~routekit.plan.word`, :mod:`~routekit.plan.template`, :mod:`~routekit.plan.excel`,
  :mod:`~routekit.plan.ics` – Word, the library's own template, Excel and ``.ics``;
* :mod:`~routekit.plan.export` – all documents into the route's ``export/`` folder;
* :mod:`~routekit.plan.report` – the plan's section of the route report.

Who carries the plan (shared ownership) is measured by :mod:`routekit.community`,
the package of step 8.

Import the submodule you need; this package imports nothing heavy.

Examples
--------
>>> from routekit.plan.stored import plan_of
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> plan_of(route).goals["id"].tolist()
['g1', 'g2', 'g3', 'g4']
>>> from routekit.plan.export import export_document
>>> export_document(route, "workbook")  # export_plan(route) writes all documents
PosixPath('data/sample-route/export/projectplan-tabellen.xlsx')
"""
