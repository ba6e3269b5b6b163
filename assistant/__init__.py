"""Passerelle: terminal assistant for socio-professional interviews in French prisons."""

import os
from importlib.metadata import PackageNotFoundError, version

# Before numpy loads: OpenBLAS worker threads keep spinning after a product and starve the
# embedding engine's own threads on a 2-core laptop (a search went from 22 to 40 ms).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

try:
    __version__ = version("passerelle")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
