"""Pydantic models and enumerations of the interview (no I/O, no UI)."""
