"""The interview method: steps, questions and adaptation profiles, as data; pure Python, no UI."""
