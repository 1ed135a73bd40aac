"""The reading behind FL101 (``internal_inconsistency``): one document against itself.

- :mod:`.statements`: a value given for a labelled thing, and which values can be one;
- :mod:`.front_matter`: the numbers and dates of the front matter, under their keys' words;
- :mod:`.labelled`: the numbers and dates of the text, with the label written before each;
- :mod:`.sentences`: what a figure's sentence says of it (a change, other dates, parts, places);
- :mod:`.disagreement`: the finding for one label given incompatible values;
- :mod:`.timezones`: the note when a timestamp is the text's day in another time zone;
- :mod:`.publication`: the front matter's publication date against the byline's;
- :mod:`.same_fact`: two figures of one fact (one group of the matching) from one source.
"""
