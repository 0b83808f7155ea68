"""The floor every module stands on.

It imports Django and ``cadis.engines``, never a module (``cadis.apps.*``), ``cadis.api`` nor
``cadis.web``: ``tests/test_layers.py`` holds that. What lives here is written once for all
modules: errors, audit, scope, record bases, the i18n helper, scoped writes (``crud``),
page helpers (``views``), API base pieces (``api``) and the module registry (``modules``).
"""
