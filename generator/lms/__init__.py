"""Question banks for learning management systems: Moodle XML and GIFT, both ways.

``berdaya lms export`` writes the quizzes (and the pre-test and post-test) of
curricula as one Moodle XML or GIFT file, one question category per module and
per test (:mod:`generator.lms.bank`, :mod:`generator.lms.moodle_xml`,
:mod:`generator.lms.gift`). ``berdaya lms import`` reads such a file back into a
module's ``quiz:`` (:mod:`generator.lms.moodle_read`, :mod:`generator.lms.gift_read`,
:mod:`generator.lms.merge`). Everything is written with the standard library;
the mapping is documented in ``docs/lms.md``.

May import ``generator.content``, ``generator.site`` (its Markdown renderer and
sanitiser), ``generator.outputs.guard``, ``generator.i18n`` and ``generator.exceptions``;
not MkDocs.
"""
