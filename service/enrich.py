"""Article → enriched event, the one code path shared by the worker, the CLI and
``enrich_text``.

>>> enricher = Enricher()
>>> events = enricher.enrich_many([article])      # doctest: +SKIP
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from service.article import Article
from service.errors import OversizeBody
from service.events import Provenance, Source, build_enriched, build_retraction
from service.formats import parse
from service.nlp.mentions.component import mentions_of
from service.nlp.pipeline import load_pipeline, model_identity
from service.settings import Settings


def entity_items(doc: Doc) -> list[dict[str, Any]]:
    return [
        {"text": e.text, "label": e.label, "start": e.start, "end": e.end,
         "canonical": e.canonical, "role": e.role}
        for e in mentions_of(doc)
    ]


def _extension_items(doc: Doc, name: str) -> list[dict[str, Any]]:
    # Quote and claim components register these extensions; until then there are none.
    return list((getattr(doc._, name) if Doc.has_extension(name) else None) or [])


#: Languages the Bokmål pipeline reads well enough to analyse: Norwegian, its close
#: neighbours Danish and Swedish (whose quotes are dash turns as Norwegian ones), and text
#: whose language is undetermined. English, German or Finnish copy passes through with its
#: fields and the sender's tags but no entities, quotes or claims: a Norwegian model finds
#: only noise there.
ANALYSED_LANGUAGES = frozenset({"nb", "nn", "no", "da", "sv", "und"})


def is_analysed(language: str) -> bool:
    """Whether the pipeline runs over a story in ``language`` (a BCP 47 tag): by its primary subtag."""
    return language.split("-")[0].lower() in ANALYSED_LANGUAGES


class Enricher:
    """Runs the NLP pipeline over articles and builds their events."""

    def __init__(self, nlp: Language | None = None, *, max_body_chars: int | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline()
        self.provenance = Provenance(*model_identity(self.nlp))
        self.max_body_chars = max_body_chars if max_body_chars is not None else Settings().max_body_chars

    def check(self, article: Article) -> None:
        """Raise :class:`OversizeBody` for a body too long to analyse (kills need no analysis)."""
        if article.pubstatus != "canceled" and len(article.body_text) > self.max_body_chars:
            raise OversizeBody(len(article.body_text), self.max_body_chars)

    def event_for(self, article: Article, doc: Doc | None, source: Source | None = None) -> dict[str, Any]:
        """The event of one article: a retraction for a kill, else the enriched event."""
        if article.pubstatus == "canceled":
            return build_retraction(article, provenance=self.provenance, source=source)
        return build_enriched(
            article,
            entities=entity_items(doc) if doc is not None else [],
            quotes=_extension_items(doc, "quotes") if doc is not None else [],
            claims=_extension_items(doc, "claims") if doc is not None else [],
            provenance=self.provenance,
            source=source,
            analysed=doc is not None,
        )

    def enrich_many(
        self, articles: Sequence[Article], sources: Sequence[Source | None] | None = None
    ) -> list[dict[str, Any]]:
        """Enrich a batch with one ``nlp.pipe`` call (kills are not analysed)."""
        sources = sources if sources is not None else [None] * len(articles)
        for article in articles:
            self.check(article)
        live = [a for a in articles if a.pubstatus != "canceled" and is_analysed(a.language)]
        docs: Iterable[Doc] = self.nlp.pipe(a.body_text for a in live)
        by_uri_version = {(a.uri, a.version): d for a, d in zip(live, docs)}
        return [
            self.event_for(a, by_uri_version.get((a.uri, a.version)), s)
            for a, s in zip(articles, sources)
        ]

    def enrich(self, article: Article, source: Source | None = None) -> dict[str, Any]:
        return self.enrich_many([article], [source])[0]


_default: Enricher | None = None


def default_enricher() -> Enricher:
    global _default
    if _default is None:
        _default = Enricher()
    return _default


def enrich_text(raw: str | bytes, format: str = "auto") -> dict[str, Any]:
    """Parse one wire message and return its enriched event (a retraction for a kill).

    Raises :class:`~service.errors.WireFormatError` when the message cannot be parsed.
    """
    return default_enricher().enrich(parse(raw, format))
