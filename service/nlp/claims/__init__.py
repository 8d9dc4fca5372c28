"""Troop-number claims: numerals (``numbers``), finding troop counts (``detect``), the
story context they are read in (``context``), side, location, modality, time, kind, the
source (``sources``, ``source_words``), the spaCy component (``component``) and word lists
(``lexicon``).
"""
