"""Reusable widgets of the terminal interface, grouped by area."""
