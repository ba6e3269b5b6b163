"""Importers of the official open-data formats (ROME 4.0, BMO, Certif Info, RNCP, data·inclusion, LHEO)."""
