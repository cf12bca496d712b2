"""Results that reach the trainer without a server: the results code and its tally.

A learner's device turns what it stored (name, quiz scores, pre- and
post-test answers) into a short *results code* that travels as text or as a
QR code (``generator/assets/berdaya-send.js``); the trainer pastes whatever
holds the codes into the tally page or ``berdaya results``, which find,
check and score them. This package is the Python half of that one
specification (docs/assessment.md, "The results code"); the browser half is
``berdaya-results.js`` (as :mod:`~generator.results.code`) and
``berdaya-tally.js`` (as scan, tally and table), and both read the same test
vectors in ``tests/fixtures/results/``.

Modules: :mod:`~generator.results.code` (the code: encode, decode),
:mod:`~generator.results.scan` (find codes in any text),
:mod:`~generator.results.tally` (score codes against a curriculum's spec),
:mod:`~generator.results.table` (the table as CSV and as text),
:mod:`~generator.results.spec` (the spec built from the content).

Import rules (``tests/test_architecture.py``): it may import
:mod:`generator.content`, :mod:`generator.i18n` and :mod:`generator.exceptions`;
not MkDocs, not Jinja, and not :mod:`generator.site` or :mod:`generator.outputs`,
so that both the site and the command line can use it.
"""
