"""Wire formats in, one :class:`~service.article.Article` out.

>>> from service.formats import parse
>>> parse(b"NTB\\n\\nOverskrift\\n\\nDet regner i Bergen.").headline
'Overskrift'

``parse(raw, fmt="auto")`` detects the format; every failure raises
:class:`~service.errors.WireFormatError` saying what is wrong and where.
"""
