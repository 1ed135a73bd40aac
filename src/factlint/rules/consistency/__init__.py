"""The judgement behind FL101 (``internal_inconsistency``): one document against itself.

What the text says is read by extraction (:mod:`factlint.extract.labelled`,
:mod:`factlint.extract.sentence_context`) and reaches these modules as records in the context's
``readings``; none of them reads text.

- :mod:`.statements`: a value given for a labelled thing, and which values can be one;
- :mod:`.front_matter`: the numbers and dates of the front matter, under their keys' words;
- :mod:`.labelled`: the text's labelled values (found by extraction) as statements;
- :mod:`.disagreement`: the finding for one label given incompatible values;
- :mod:`.timezones`: the note when a timestamp is the text's day in another time zone;
- :mod:`.publication`: the front matter's publication date against the byline's;
- :mod:`.same_fact`: two figures of one fact (one group of the matching) from one source.
"""
