"""Importers of the official open-data formats (ROME, BMO, certifications, services, LHEO)."""
