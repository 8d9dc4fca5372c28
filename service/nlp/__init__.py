"""NLP over spaCy ``Doc``s: the trained Bokmål pipeline and newswire's extractors.

``pipeline.load_pipeline()`` is the entry point; importing this package imports nothing
else, so pure modules that live beside the extractors never pull in spaCy.
"""
