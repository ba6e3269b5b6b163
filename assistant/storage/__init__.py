"""Encrypted vault (SQLCipher), dossiers repository and schema migrations."""
