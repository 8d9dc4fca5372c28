"""What only training uses: the static lexicon table (``lexicon``) and the entity-swap
augmenter (``augment``). Nothing here runs in the service.
"""
