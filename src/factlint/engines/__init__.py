"""Where the reading and extraction of a corpus run: in this process, in worker processes, or on Dask.

Every engine runs the same per-file work (:func:`factlint.engines.work.read_file`) and returns
the results in the order of the files, so the report is byte-identical whichever engine made it.
"""

from factlint.engines.local import LocalEngine
from factlint.engines.work import Read, read_file

__all__ = ["LocalEngine", "Read", "read_file"]
