"""Chat-model providers (LangChain) and the pseudonymisation gateway.

Importing this package stays cheap: provider libraries, Presidio and spaCy are imported only
where they are used, so the interface starts without them.
"""
