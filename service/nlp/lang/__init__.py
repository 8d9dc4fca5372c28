"""The Norwegian vocabulary shared by every extractor: places and the country gazetteer
(``places``), and the word lists read from ``data/`` (``vocabulary``: reporting verbs, media,
agencies, unnamed sources, documents). Nothing here but ``matchers`` (spaCy matchers built from
these lists) imports spaCy.
"""
