"""Execution engines. Only this package knows how the pipeline is run.

- :mod:`diplograph.run.local`: one process, batches written to DuckDB as
  they finish (resumable: a killed run loses at most the batch in flight).
- :mod:`diplograph.run.ray`: a pool of Ray actors, each cleaning and coding
  batches, Parquet partitions out. The only module of the package that
  imports ``ray``.
"""

ENGINES: tuple[str, ...] = ("local", "ray")
