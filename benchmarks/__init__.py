"""routekit benchmarks: ``python -m benchmarks`` runs every ``*_benchmark.py`` module here."""
