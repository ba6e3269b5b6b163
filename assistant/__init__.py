"""Passerelle: terminal assistant for socio-professional interviews in French prisons."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("passerelle")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
