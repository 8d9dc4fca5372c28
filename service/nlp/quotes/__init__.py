"""Quotes: quotation marks and dash turns (``marks``), the layout of a story's paragraphs
(``layout``), cue verbs and frames (``cues``), building and typing quotes (``builder``), who
said them (``speakers``), the spaCy component (``component``) and its word lists (``lexicon``).
"""
