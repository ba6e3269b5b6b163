"""Widgets of the mock-interview screens: the thread, the grid and the progress chart."""
