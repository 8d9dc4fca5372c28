"""NLP over spaCy ``Doc``s: the trained Bokmål pipeline and newswire's extractors."""
from service.nlp.pipeline import load_pipeline, model_identity

__all__ = ["load_pipeline", "model_identity"]
