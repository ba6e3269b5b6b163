"""Offline extraction: turn what the person said into proposals the counsellor confirms."""
