"""Public labour-market knowledge: importers of official files, the knowledge pack, the index, search.

Only public data lives here and in the index; never personal data.
"""
