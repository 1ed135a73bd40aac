"""The rule engine: the check catalogue in ``rules/checks/`` run over a run's sources, claims and groups.

- :mod:`factlint.rules.base`: the ``Rule`` record and its examples, which everything here imports;
- :mod:`factlint.rules.catalogue`: rule files read and validated (``load_catalogue``);
- :mod:`factlint.rules.kinds`: the registry of check kinds (``register``, ``KINDS``);
- :mod:`factlint.rules.checks`: the check kinds, one module each (importing it registers them);
- :mod:`factlint.rules.context`: what a check reads (``Context``) and how it reports (``finding``);
- :mod:`factlint.rules.engine`: ``run_checks(context, catalogue, selection)``;
- :mod:`factlint.rules.selection`: ``--select``, ``--ignore`` and severity overrides;
- :mod:`factlint.rules.config`: project settings in ``factlint.toml`` or ``pyproject.toml``.

A rule's inline examples are run through the whole pipeline by :mod:`factlint.rule_examples`.
"""
