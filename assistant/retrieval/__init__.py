"""Public labour-market knowledge: importers, the knowledge pack, the index and search.

Only public data lives here and in the index; never personal data.
"""
