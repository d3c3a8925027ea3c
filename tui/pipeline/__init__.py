"""The briefing pipeline: fetch, extract, clean, entities, timeline, briefing, export.

Plain functions and dataclasses; nothing here imports Textual, so scripts, tests and the
app all drive the same code.
"""
