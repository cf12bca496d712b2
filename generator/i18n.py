"""The translation table: every user-visible string, in Bahasa Indonesia and English.

Templates call ``t("key")`` (bound to the page's language); code calls
:func:`t` with the language. Nothing user-visible is written elsewhere.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["id", "en"]

STRINGS: dict[str, dict[Language, str]] = {
    # Page addresses (slugs) of generated pages.
    "slug.quiz": {"id": "kuis", "en": "quiz"},
    "slug.guide": {"id": "panduan", "en": "guide"},
    "slug.glossary": {"id": "glosarium", "en": "glossary"},
    # Site and navigation.
    "site.home": {"id": "Beranda", "en": "Home"},
    "site.curricula": {"id": "Kurikulum", "en": "Curricula"},
    "site.intro": {
        "id": "Materi pelatihan yang bisa dibaca di ponsel, juga tanpa internet.",
        "en": "Training material you can read on a phone, also without internet.",
    },
    "nav.overview": {"id": "Ringkasan", "en": "Overview"},
    "nav.quiz": {"id": "Kuis", "en": "Quiz"},
    "nav.glossary": {"id": "Glosarium", "en": "Glossary"},
    "nav.guide": {"id": "Panduan pelatih", "en": "Trainer guide"},
    # Durations.
    "unit.hours": {"id": "jam", "en": "h"},
    "unit.minutes": {"id": "menit", "en": "min"},
    # Curriculum page.
    "curriculum.audience": {"id": "Peserta", "en": "Audience"},
    "curriculum.level": {"id": "Tingkat", "en": "Level"},
    "curriculum.length": {"id": "Lama", "en": "Length"},
    "curriculum.modules": {"id": "Modul", "en": "Modules"},
    "curriculum.module_count": {"id": "modul", "en": "modules"},
    "curriculum.objectives": {"id": "Tujuan program", "en": "Programme objectives"},
    "curriculum.prerequisites": {"id": "Prasyarat", "en": "Prerequisites"},
    "curriculum.licence": {"id": "Lisensi", "en": "Licence"},
    "curriculum.authors": {"id": "Penulis", "en": "Authors"},
    "curriculum.version": {"id": "Versi", "en": "Version"},
    "curriculum.resources": {"id": "Sumber belajar", "en": "Resources"},
    "curriculum.open": {"id": "Mulai belajar", "en": "Start learning"},
    # Module page.
    "module.objectives": {"id": "Tujuan pembelajaran", "en": "Learning objectives"},
    "module.lessons": {"id": "Pelajaran", "en": "Lessons"},
    "module.activities": {"id": "Kegiatan", "en": "Activities"},
    "module.keypoints": {"id": "Poin penting", "en": "Key points"},
    "module.quiz_intro": {
        "id": "Uji pemahaman Anda dengan kuis modul ini.",
        "en": "Check your understanding with this module's quiz.",
    },
    "module.length": {"id": "Lama", "en": "Length"},
    # Activities.
    "activity.method": {"id": "Metode", "en": "Method"},
    "activity.group": {"id": "Kelompok", "en": "Group"},
    "activity.time": {"id": "Waktu", "en": "Time"},
    "activity.materials": {"id": "Bahan dan alat", "en": "Materials"},
    "activity.instructions": {"id": "Langkah", "en": "Instructions"},
    "activity.hint": {"id": "Petunjuk", "en": "Hint"},
    "activity.solution": {"id": "Pembahasan", "en": "Solution"},
    # Lesson page.
    "lesson.previous": {"id": "Sebelumnya", "en": "Previous"},
    "lesson.next": {"id": "Berikutnya", "en": "Next"},
    "lesson.back": {"id": "Kembali ke modul", "en": "Back to the module"},
    "lesson.keypoints": {"id": "Poin penting", "en": "Key points"},
    # Glossary page.
    "glossary.title": {"id": "Glosarium", "en": "Glossary"},
    "glossary.intro": {
        "id": "Istilah yang dipakai dalam kurikulum ini.",
        "en": "Terms used in this curriculum.",
    },
    # Quiz page (also shown by generator/assets/berdaya-quiz.js, see generator/quiz.py).
    "quiz.intro": {
        "id": "{count} pertanyaan · nilai lulus {pass}%",
        "en": "{count} questions · pass mark {pass}%",
    },
    "quiz.points_label": {"id": "{points} poin", "en": "{points} points"},
    "quiz.check": {"id": "Periksa jawaban", "en": "Check answers"},
    "quiz.retry": {"id": "Coba lagi", "en": "Try again"},
    "quiz.show_answer": {"id": "Lihat jawaban", "en": "Show answer"},
    "quiz.hint": {"id": "Petunjuk", "en": "Hint"},
    "quiz.answer": {"id": "Jawaban yang benar", "en": "Correct answer"},
    "quiz.explanation": {"id": "Penjelasan", "en": "Explanation"},
    "quiz.feedback": {"id": "Umpan balik", "en": "Feedback"},
    "quiz.true": {"id": "Benar", "en": "True"},
    "quiz.false": {"id": "Salah", "en": "False"},
    "quiz.or": {"id": "atau", "en": "or"},
    "quiz.choose": {"id": "— pilih —", "en": "— choose —"},
    "quiz.your_answer": {"id": "Jawaban Anda", "en": "Your answer"},
    "quiz.order_help": {
        "id": "Urutkan dari atas ke bawah dengan tombol ↑ (naik) dan ↓ (turun).",
        "en": "Put the items in order, top to bottom, with the ↑ (up) and ↓ (down) buttons.",
    },
    "quiz.move_up": {"id": "Naikkan", "en": "Move up"},
    "quiz.move_down": {"id": "Turunkan", "en": "Move down"},
    "quiz.moved": {
        "id": "{item}: posisi {position} dari {total}",
        "en": "{item}: position {position} of {total}",
    },
    "quiz.correct": {"id": "✓ Benar", "en": "✓ Correct"},
    "quiz.incorrect": {"id": "✗ Salah", "en": "✗ Incorrect"},
    "quiz.unanswered": {"id": "✗ Belum dijawab", "en": "✗ Not answered"},
    "quiz.score": {
        "id": "Skor: {percent}% — {result} ({points} dari {total} poin)",
        "en": "Score: {percent}% — {result} ({points} of {total} points)",
    },
    "quiz.passed": {"id": "Lulus", "en": "Passed"},
    "quiz.failed": {"id": "Belum lulus", "en": "Not passed"},
    # Progress kept in the browser (curriculum, module and quiz pages).
    "progress.not_started": {"id": "Belum dikerjakan", "en": "Not started"},
    "progress.passed": {"id": "Lulus ({percent}%)", "en": "Passed ({percent}%)"},
    "progress.failed": {"id": "Belum lulus ({percent}%)", "en": "Not passed ({percent}%)"},
    "progress.summary": {
        "id": "Kemajuan Anda: {passed} dari {total} modul lulus.",
        "en": "Your progress: {passed} of {total} modules passed.",
    },
    "progress.reset": {"id": "Hapus kemajuan saya", "en": "Reset my progress"},
    "progress.reset_confirm": {
        "id": "Hapus semua hasil kuis kurikulum ini dari perangkat ini?",
        "en": "Delete all quiz results of this curriculum from this device?",
    },
    "progress.kept_here": {
        "id": "Hasil kuis hanya disimpan di perangkat dan peramban ini.",
        "en": "Quiz results are kept only on this device and in this browser.",
    },
    # Generated-file header.
    "generated.comment": {
        "id": "dibuat oleh berdaya dari {source}; jangan diedit, edit YAML-nya",
        "en": "generated by berdaya from {source}; do not edit, edit the YAML",
    },
}

RESERVED_SLUGS = frozenset(
    value for key, row in STRINGS.items() if key.startswith("slug.") for value in row.values()
)
"""Slugs of generated pages; module and lesson ids may not take them."""


def t(key: str, language: Language) -> str:
    """The string ``key`` in ``language``.

    Raises:
        KeyError: the key is not in the table (a bug, caught by the tests).
    """
    return STRINGS[key][language]


def duration(minutes: int, language: Language) -> str:
    """``90`` as ``1 jam 30 menit`` (Indonesian) or ``1 h 30 min`` (English)."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} {t('unit.hours', language)}")
    if rest or not hours:
        parts.append(f"{rest} {t('unit.minutes', language)}")
    return " ".join(parts)
