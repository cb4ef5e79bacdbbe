"""Execution engines. Only this package knows how the pipeline is run.

- :mod:`diplograph.run.local`: one process, batches written to DuckDB as
  they finish (resumable: a killed run loses at most the batch in flight).
- :mod:`diplograph.run.ray`: the per-document stages as Ray Data
  ``map_batches`` (stateful actors), Parquet partitions out. The only module
  of the package that imports ``ray``.
"""

ENGINES: tuple[str, ...] = ("local", "ray")
