"""Module M1 of the guide: mock job interviews, their feedback grid and the gap-answer workshop.

Pure Python, no interface. Importing the package loads nothing: each submodule is imported where
it is used (`plan`, `conduite`, `grille`, `atelier`, `llm`, `resultat`), and LangChain only by
`llm` when a model is actually called.
"""
