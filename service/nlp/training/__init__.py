"""What only training uses: the training run and installing the model (``train``), the static
lexicon table (``lexicon``) and the entity-swap augmenter (``augment``). Nothing here runs in
the service.
"""
