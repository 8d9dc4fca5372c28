"""Scoring against gold data: the NorNE reader (``norne``), the model's scores and
comparisons (``model``), the quote and claim gold sets (``quotes``, ``claims``) and
story-bootstrap intervals (``bootstrap``). Nothing here runs in the service.
"""
