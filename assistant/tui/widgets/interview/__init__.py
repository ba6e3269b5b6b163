"""Widgets of the interview workspace: steps, chat, proposals, context panel."""
