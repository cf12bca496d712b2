"""Stage 2, the site's Markdown: plan, render (Jinja2), prose, quizzes, guides, write.

From checked content to the Markdown pages MkDocs builds, plus what those
pages need (safe HTML, quiz forms, the program guide, the printable book).
It may import :mod:`generator.content`, :mod:`generator.i18n`,
:mod:`generator.exceptions` and :mod:`generator.resources`; not MkDocs and not
:mod:`generator.outputs`.
"""
