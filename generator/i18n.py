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
    "slug.pre_test": {"id": "tes-awal", "en": "pre-test"},
    "slug.post_test": {"id": "tes-akhir", "en": "post-test"},
    "slug.guide_results": {"id": "panduan/hasil", "en": "guide/results"},
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
    "quiz.partial": {"id": "◐ Sebagian benar", "en": "◐ Partly correct"},
    "quiz.parts_choices": {
        "id": "Anda memilih {right} dari {total} pilihan yang benar.",
        "en": "You chose {right} of the {total} right choices.",
    },
    "quiz.parts_order": {
        "id": "{right} dari {total} langkah berada di tempat yang benar.",
        "en": "{right} of {total} items are in the right place.",
    },
    "quiz.parts_match": {
        "id": "{right} dari {total} pasangan benar.",
        "en": "{right} of {total} pairs are right.",
    },
    "quiz.reveal_after_pass": {
        "id": "Jawaban yang benar ditampilkan setelah Anda lulus kuis ini.",
        "en": "The correct answers are shown once you pass this quiz.",
    },
    "quiz.reveal_after_attempts": {
        "id": "Jawaban yang benar ditampilkan setelah {attempts} kali mencoba (sudah {done} kali).",
        "en": "The correct answers are shown after {attempts} attempts (so far: {done}).",
    },
    "quiz.reveal_never": {
        "id": "Kuis ini tidak menampilkan jawaban yang benar; bahas bersama pelatih.",
        "en": "This quiz does not show the correct answers; go through them with your trainer.",
    },
    "quiz.unanswered_confirm": {
        "id": "Soal {numbers} belum dijawab. Periksa sekarang?",
        "en": "Questions not answered yet: {numbers}. Check now?",
    },
    "quiz.and": {"id": "dan", "en": "and"},
    "quiz.check_anyway": {"id": "Periksa sekarang", "en": "Check now"},
    "quiz.keep_answering": {"id": "Lanjut menjawab", "en": "Keep answering"},
    "quiz.restored": {
        "id": "Jawaban terakhir Anda sudah dikembalikan.",
        "en": "Your last answers are back.",
    },
    "quiz.needs_script": {
        "id": "Kuis ini memeriksa jawaban dengan JavaScript: buka halaman ini di Chrome atau "
        "peramban lain yang menjalankan JavaScript.",
        "en": "This quiz checks answers with JavaScript: open this page in Chrome or another "
        "browser that runs JavaScript.",
    },
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
    "progress.unavailable": {
        "id": "Peramban ini tidak bisa menyimpan hasil kuis: hasil hilang saat file ditutup.",
        "en": "This browser cannot keep quiz results: they are lost when the file is closed.",
    },
    # Pre-test and post-test pages (also shown by generator/assets/berdaya-test.js).
    "test.pre": {"id": "Tes awal", "en": "Pre-test"},
    "test.post": {"id": "Tes akhir", "en": "Post-test"},
    "test.intro": {
        "id": "{count} soal · {points} poin · satu kali mengerjakan",
        "en": "{count} questions · {points} points · one attempt",
    },
    "test.help": {
        "id": "Jawab semua soal, lalu tekan “Kumpulkan jawaban”. Jawaban tidak diperiksa di "
        "sini: pelatih Anda menghitung skornya dari hasil yang Anda kirim.",
        "en": "Answer every question, then press “Hand in answers”. Answers are not checked "
        "here: your trainer scores them from the results you send.",
    },
    "test.help_trainer": {
        "id": "Satu peserta menjawab di perangkat ini; skornya tampil setelah jawaban "
        "dikumpulkan. Lalu kosongkan perangkat untuk peserta berikutnya.",
        "en": "One learner answers on this device; the score is shown once the answers are "
        "handed in. Then clear the device for the next learner.",
    },
    "test.needs_script": {
        "id": "Untuk mengerjakan tes ini di layar, buka file ini di Chrome (perlu JavaScript). "
        "Soal-soalnya tetap bisa dibaca dan dijawab di kertas.",
        "en": "To take this test on screen, open it in Chrome (it needs JavaScript). The "
        "questions can still be read and answered on paper.",
    },
    "test.submit": {"id": "Kumpulkan jawaban", "en": "Hand in answers"},
    "test.confirm": {
        "id": "Jawaban hanya bisa dikumpulkan satu kali. Kumpulkan sekarang?",
        "en": "Answers can be handed in only once. Hand them in now?",
    },
    "test.unanswered_one": {
        "id": "Soal {numbers} belum dijawab.",
        "en": "Question {numbers} is not answered.",
    },
    "test.unanswered_many": {
        "id": "Soal {numbers} belum dijawab.",
        "en": "Questions {numbers} are not answered.",
    },
    "test.and": {"id": "dan", "en": "and"},
    "test.done": {
        "id": "Jawaban dikumpulkan pada {date}.",
        "en": "Answers handed in on {date}.",
    },
    "test.done_learner": {
        "id": "Tes ini sudah dikerjakan di perangkat ini; jawabannya tidak bisa diubah. "
        "Kirim hasilnya ke pelatih Anda.",
        "en": "This test has been taken on this device; the answers cannot be changed. "
        "Send the results to your trainer.",
    },
    "test.score": {
        "id": "Skor: {percent}% ({points} dari {total} poin)",
        "en": "Score: {percent}% ({points} of {total} points)",
    },
    "test.reset": {"id": "Kosongkan untuk peserta berikutnya", "en": "Clear for the next learner"},
    "test.reset_confirm": {
        "id": "Hapus jawaban tes awal dan tes akhir serta nama peserta dari perangkat ini?",
        "en": "Delete the pre-test and post-test answers and the learner's name from this device?",
    },
    "test.unsaved": {
        "id": "Peramban ini tidak bisa menyimpan jawaban: jawaban hilang saat file ditutup. "
        "Kirim hasilnya sekarang.",
        "en": "This browser cannot keep the answers: they are lost when the file is closed. "
        "Send the results now.",
    },
    "test.locale": {"id": "id-ID", "en": "en-GB"},
    "curriculum.pre_test": {
        "id": "kerjakan sebelum modul pertama",
        "en": "take it before the first module",
    },
    "curriculum.post_test": {
        "id": "kerjakan setelah modul terakhir",
        "en": "take it after the last module",
    },
    # The trainer's results page (filled by berdaya-results.js) and the tests in the guide.
    "guide.results": {"id": "Hasil peserta", "en": "Learner results"},
    "tally.intro": {
        "id": "Di halaman kurikulum dan setelah setiap tes, peserta menekan “Kirim hasil” dan "
        "mengirim kodenya kepada Anda, misalnya lewat WhatsApp. Kode itu memuat nama peserta, "
        "jawaban tes awal dan tes akhir, dan hasil kuis setiap modul.",
        "en": "On the curriculum page and after each test, learners press “Send results” and "
        "send you the code, e.g. over WhatsApp. The code holds the learner's name, the "
        "pre-test and post-test answers and each module's quiz result.",
    },
    "tally.steps": {
        "id": "Tempel kode-kode itu di bawah (seluruh obrolan WhatsApp yang diekspor pun boleh) "
        "atau pindai kode QR-nya. Tabelnya menunjukkan skor tes awal dan tes akhir setiap "
        "peserta, kenaikannya, dan hasil kuisnya; kolom unjuk keterampilan Anda isi sendiri. "
        "Data disimpan di perangkat ini sampai Anda menghapusnya.",
        "en": "Paste the codes below (a whole exported WhatsApp chat is fine) or scan their QR "
        "codes. The table shows each learner's pre-test and post-test scores, the gain and the "
        "quiz results; you fill in the skill demonstration column. The data stays on this "
        "device until you clear it.",
    },
    "tally.needs_script": {
        "id": "Halaman ini perlu JavaScript: buka di Chrome.",
        "en": "This page needs JavaScript: open it in Chrome.",
    },
    "guide.tests": {"id": "Tes awal dan tes akhir", "en": "Pre-test and post-test"},
    "guide.tests_intro": {
        "id": "Bandingkan skor tes awal dan tes akhir setiap peserta. Peserta mengerjakan "
        "setiap tes satu kali, di ponsel (halaman tes) atau di kertas (panduan cetak). "
        "Huruf pilihan di kertas sama dengan urutan pilihan di layar.",
        "en": "Compare each learner's pre-test and post-test scores. Learners take each test "
        "once, on a phone (the test pages) or on paper (the printable guide). The letters on "
        "paper follow the order of the choices on screen.",
    },
    "guide.test_size": {
        "id": "{count} soal, {points} poin",
        "en": "{count} questions, {points} points",
    },
    "guide.same_as_pre": {
        "id": "soalnya sama dengan tes awal",
        "en": "the same questions as the pre-test",
    },
    "guide.results_link": {
        "id": "tempel kode hasil peserta untuk melihat tabel skor",
        "en": "paste the learners' result codes to see the table of scores",
    },
    "guide.test_key": {"id": "Kunci jawaban: {title}", "en": "Answer key: {title}"},
    "guide.number": {"id": "No.", "en": "No."},
    "guide.points": {"id": "Poin", "en": "Points"},
    "guide.module": {"id": "Modul", "en": "Module"},
    "guide.paper_note": {
        "id": "Fotokopi satu lembar untuk setiap peserta.",
        "en": "Copy one paper for each learner.",
    },
    # Single-file export (berdaya export --format html): the page around the views.
    "single.menu": {"id": "Daftar isi", "en": "Contents"},
    "single.search": {"id": "Cari", "en": "Search"},
    "single.search_label": {
        "id": "Cari pelajaran, kegiatan, istilah",
        "en": "Search lessons, activities, terms",
    },
    "single.results": {"id": "{count} hasil", "en": "{count} result(s)"},
    "single.some_results": {
        "id": "{count} hasil, {shown} teratas di bawah. Tambah kata untuk mempersempit.",
        "en": "{count} results, the first {shown} below. Add words to narrow them down.",
    },
    "single.no_results": {
        "id": "Tidak ada hasil untuk “{query}”.",
        "en": "No results for “{query}”.",
    },
    "single.resume": {"id": "Lanjutkan: {title}", "en": "Continue: {title}"},
    "single.crumbs": {"id": "Lokasi halaman", "en": "Where this page is"},
    "single.pager": {"id": "Halaman sebelumnya dan berikutnya", "en": "Previous and next page"},
    # Results codes: "Kirim hasil" on learner pages and the trainer's tally page
    # (generator/assets/berdaya-results.js); the tally's table also in `berdaya results`.
    "results.send": {"id": "Kirim hasil", "en": "Send results"},
    "results.send_intro": {
        "id": "Kirim hasil belajar Anda ke pelatih: kode ini berisi nama Anda, nilai kuis "
        "dan jawaban tes Anda.",
        "en": "Send your results to your trainer: this code holds your name, your quiz "
        "scores and your test answers.",
    },
    "results.name_label": {"id": "Nama lengkap Anda", "en": "Your full name"},
    "results.name_help": {
        "id": "Pakai huruf latin. Nama hanya disimpan di perangkat ini.",
        "en": "Use Latin letters. The name is kept on this device only.",
    },
    "results.name_save": {"id": "Simpan nama", "en": "Save name"},
    "results.name_invalid": {
        "id": "Tulis nama Anda dengan huruf latin (A-Z).",
        "en": "Write your name in Latin letters (A-Z).",
    },
    "results.name_shown": {"id": "Nama di kode: {name}", "en": "Name in the code: {name}"},
    "results.name_change": {"id": "Ganti nama", "en": "Change name"},
    "results.code_label": {"id": "Kode hasil Anda", "en": "Your results code"},
    "results.qr_label": {
        "id": "Kode QR hasil Anda: tunjukkan ke pelatih untuk dipindai",
        "en": "QR code of your results: show it to your trainer to scan",
    },
    "results.share": {"id": "Bagikan kode", "en": "Share the code"},
    "results.whatsapp": {"id": "Kirim lewat WhatsApp", "en": "Send by WhatsApp"},
    "results.copy": {"id": "Salin kode", "en": "Copy the code"},
    "results.copied": {
        "id": "Kode sudah disalin. Tempel di pesan untuk pelatih.",
        "en": "Code copied. Paste it into a message to your trainer.",
    },
    "results.copy_failed": {
        "id": "Tidak bisa menyalin otomatis: tekan lama kodenya, lalu Salin.",
        "en": "Could not copy: press and hold the code, then Copy.",
    },
    "results.share_text": {
        "id": "Kode hasil belajar saya:\n{code}",
        "en": "My learning results code:\n{code}",
    },
    "results.paste_label": {
        "id": "Tempel pesan peserta, obrolan WhatsApp yang diekspor, atau kode",
        "en": "Paste learners' messages, an exported WhatsApp chat, or codes",
    },
    "results.read": {"id": "Baca kode", "en": "Read the codes"},
    "results.scan": {"id": "Pindai kode QR dengan kamera", "en": "Scan QR codes with the camera"},
    "results.scan_stop": {"id": "Selesai memindai", "en": "Stop scanning"},
    "results.scan_help": {
        "id": "Arahkan kamera ke kode QR di ponsel peserta.",
        "en": "Point the camera at the QR code on the learner's phone.",
    },
    "results.scan_failed": {
        "id": "Kamera tidak bisa dibuka. Tempel kodenya di atas.",
        "en": "The camera could not be opened. Paste the codes above.",
    },
    "results.scanned": {"id": "Terbaca: {name}", "en": "Read: {name}"},
    "results.read_summary": {
        "id": "{found} kode ditemukan di teks ini.",
        "en": "{found} code(s) found in this text.",
    },
    "results.none_found": {
        "id": "Tidak ada kode hasil (BDY1/…) di teks ini.",
        "en": "No results code (BDY1/…) in this text.",
    },
    "results.learners": {"id": "{count} peserta", "en": "{count} learner(s)"},
    "results.empty": {
        "id": "Belum ada hasil. Tempel pesan peserta di atas.",
        "en": "No results yet. Paste the learners' messages above.",
    },
    "results.col_name": {"id": "Nama", "en": "Name"},
    "results.col_date": {"id": "Tanggal", "en": "Date"},
    "results.col_pre": {"id": "Tes awal", "en": "Pre-test"},
    "results.col_post": {"id": "Tes akhir", "en": "Post-test"},
    "results.col_gain": {"id": "Kenaikan", "en": "Gain"},
    "results.col_skill": {"id": "Demonstrasi keterampilan", "en": "Skill demonstration"},
    "results.csv_percent": {"id": "{column} (%)", "en": "{column} (%)"},
    "results.csv_gain": {"id": "Kenaikan (poin)", "en": "Gain (points)"},
    "results.csv_passed": {"id": "{module}: lulus", "en": "{module}: passed"},
    "results.yes": {"id": "ya", "en": "yes"},
    "results.no": {"id": "tidak", "en": "no"},
    "results.module_short": {"id": "M{n}", "en": "M{n}"},
    "results.legend": {
        "id": "{short}: {title} (lulus ≥ {pass}%)",
        "en": "{short}: {title} (pass ≥ {pass}%)",
    },
    "results.pass_mark": {"id": "✓", "en": "✓"},
    "results.fail_mark": {"id": "✗", "en": "✗"},
    "results.problems": {
        "id": "Kode yang tidak dihitung ({count})",
        "en": "Codes not counted ({count})",
    },
    "results.where_paste": {
        "id": "tempelan {paste}, baris {line}",
        "en": "paste {paste}, line {line}",
    },
    "results.where_scan": {"id": "pindaian kamera", "en": "camera scan"},
    "results.reason.format": {
        "id": "dibuat oleh Berdaya yang lebih baru: minta halaman pelatih yang baru",
        "en": "made by a newer Berdaya: get a newer trainer page",
    },
    "results.reason.incomplete": {
        "id": "kode terpotong: minta peserta mengirim ulang",
        "en": "the code is cut short: ask the learner to send it again",
    },
    "results.reason.malformed": {
        "id": "bukan kode hasil yang utuh: minta peserta mengirim ulang",
        "en": "not a whole results code: ask the learner to send it again",
    },
    "results.reason.checksum": {
        "id": "kode rusak (ada huruf yang berubah): minta peserta mengirim ulang",
        "en": "the code is damaged (a character changed): ask the learner to send it again",
    },
    "results.reason.curriculum": {
        "id": "kode dari kurikulum lain",
        "en": "a code of another curriculum",
    },
    "results.reason.version": {
        "id": "kode dari versi lain kurikulum ini: peserta memakai file yang berbeda",
        "en": "a code of another version of this curriculum: the learner uses another file",
    },
    "results.reason.duplicate": {
        "id": "kode yang sama sudah dibaca (dihitung sekali)",
        "en": "the same code again (counted once)",
    },
    "results.reason.replaced": {
        "id": "diganti kode yang lebih baru dengan nama yang sama",
        "en": "replaced by a newer code with the same name",
    },
    "results.download": {"id": "Unduh CSV", "en": "Download CSV"},
    "results.clear": {"id": "Hapus semua hasil", "en": "Clear all results"},
    "results.clear_confirm": {
        "id": "Hapus semua kode yang sudah dibaca dari perangkat ini?",
        "en": "Delete all codes read so far from this device?",
    },
    "results.kept": {
        "id": "Kode yang dibaca disimpan di peramban ini sampai Anda menghapusnya.",
        "en": "Codes read are kept in this browser until you clear them.",
    },
    "results.file": {"id": "hasil", "en": "results"},
    # Program guide (trainers).
    "slug.print_guide": {"id": "panduan-cetak", "en": "guide-print"},
    "slug.book": {"id": "buku-peserta", "en": "learner-book"},
    "nav.print_guide": {"id": "Panduan pelatih (cetak)", "en": "Trainer guide (print)"},
    "nav.book": {"id": "Buku peserta (cetak)", "en": "Learner book (print)"},
    "guide.overview": {"id": "Gambaran umum", "en": "Overview"},
    "guide.group_size": {"id": "Jumlah peserta", "en": "Group size"},
    "guide.class_size": {"id": "Bahan disiapkan untuk", "en": "Materials prepared for"},
    "guide.class_size_value": {"id": "{n} peserta", "en": "{n} participants"},
    "guide.venue": {"id": "Tempat", "en": "Venue"},
    "guide.length": {"id": "Lama pelatihan", "en": "Length"},
    "guide.days": {"id": "{n} hari", "en": "{n} days"},
    "guide.one_day": {"id": "1 hari", "en": "1 day"},
    "guide.total": {"id": "Total", "en": "Total"},
    "guide.preparation": {"id": "Persiapan sebelum pelatihan", "en": "Before the training"},
    "guide.agenda": {"id": "Jadwal", "en": "Agenda"},
    "guide.day": {"id": "Hari", "en": "Day"},
    "guide.time": {"id": "Waktu", "en": "Time"},
    "guide.session": {"id": "Sesi", "en": "Session"},
    "guide.minutes": {"id": "Lama", "en": "Length"},
    "guide.notes": {"id": "Catatan", "en": "Notes"},
    "guide.break": {"id": "Istirahat", "en": "Break"},
    "guide.free": {"id": "Waktu kosong", "en": "Free time"},
    "guide.training": {"id": "pelatihan", "en": "training"},
    "guide.breaks": {"id": "istirahat", "en": "breaks"},
    "guide.totals": {"id": "Total waktu", "en": "Time in total"},
    "guide.total_training": {
        "id": "Waktu pelatihan (tanpa istirahat)",
        "en": "Training time (breaks not counted)",
    },
    "guide.total_practice": {"id": "Praktik", "en": "Practice"},
    "guide.practice_share": {"id": "dari waktu pelatihan", "en": "of the training time"},
    "guide.plans": {"id": "Rencana sesi", "en": "Session plans"},
    "guide.plan": {"id": "Rencana sesi", "en": "Session plan"},
    "guide.when": {"id": "Jadwal", "en": "When"},
    "guide.not_scheduled": {"id": "belum dijadwalkan", "en": "not scheduled"},
    "guide.objectives": {"id": "Tujuan", "en": "Objectives"},
    "guide.materials": {"id": "Bahan dan alat", "en": "Materials"},
    "guide.session_preparation": {"id": "Persiapan", "en": "Preparation"},
    "guide.activity": {"id": "Kegiatan", "en": "Activity"},
    "guide.method": {"id": "Metode", "en": "Method"},
    "guide.practice": {"id": "praktik", "en": "practice"},
    "guide.no_plan": {
        "id": "Modul ini belum punya rencana sesi (`session` di file modulnya).",
        "en": "This module has no session plan yet (`session` in its module file).",
    },
    "guide.checklist": {"id": "Daftar bahan dan alat", "en": "Materials checklist"},
    "guide.checklist_intro": {
        "id": "Centang setiap barang bila sudah siap. Barang yang sama untuk beberapa "
        "sesi hanya ditulis sekali.",
        "en": "Tick each item when it is ready. An item needed in several sessions is listed once.",
    },
    "guide.ready": {"id": "Siap", "en": "Ready"},
    "guide.item": {"id": "Bahan atau alat", "en": "Item"},
    "guide.needed_for": {"id": "Dipakai di", "en": "Needed for"},
    "guide.no_materials": {
        "id": "Modul-modul ini tidak mencantumkan bahan atau alat.",
        "en": "The modules list no materials.",
    },
    "guide.keys": {"id": "Kunci jawaban", "en": "Answer keys"},
    "guide.keys_intro": {
        "id": "Huruf pilihan sama dengan huruf di buku peserta.",
        "en": "The letters are those of the learner book.",
    },
    "guide.answer": {"id": "Jawaban", "en": "Answer"},
    "guide.explanation": {"id": "Pembahasan", "en": "Explanation"},
    "guide.assesses": {"id": "Tujuan yang diukur", "en": "Assesses"},
    "guide.evaluation": {"id": "Evaluasi", "en": "Evaluation"},
    "guide.follow_up": {"id": "Tindak lanjut", "en": "Follow-up"},
    "guide.content": {"id": "Materi modul", "en": "Module content"},
    "guide.print_note": {
        "id": "Halaman ini berisi seluruh panduan dan materi dalam satu halaman untuk dicetak.",
        "en": "This page holds the whole guide and all material on one page, for printing.",
    },
    "answer.true": {"id": "Benar", "en": "True"},
    "answer.false": {"id": "Salah", "en": "False"},
    # Learner book (printed).
    "book.title": {"id": "Buku peserta", "en": "Learner book"},
    "book.print_note": {
        "id": "Semua pelajaran, kegiatan dan kuis dalam satu halaman untuk dicetak.",
        "en": "All lessons, activities and quizzes on one page, for printing.",
    },
    "book.name": {"id": "Nama", "en": "Name"},
    "book.date": {"id": "Tanggal", "en": "Date"},
    "book.answer": {"id": "Jawaban", "en": "Answer"},
    "book.single": {"id": "Lingkari satu huruf.", "en": "Circle one letter."},
    "book.multiple": {
        "id": "Lingkari semua huruf yang benar.",
        "en": "Circle every correct letter.",
    },
    "book.true-false": {"id": "Lingkari: Benar / Salah", "en": "Circle: True / False"},
    "book.text": {"id": "Tulis jawaban Anda.", "en": "Write your answer."},
    "book.number": {"id": "Tulis angkanya.", "en": "Write the number."},
    "book.order": {
        "id": "Tulis huruf-hurufnya dalam urutan yang benar.",
        "en": "Write the letters in the right order.",
    },
    "book.match": {
        "id": "Tulis huruf yang cocok di samping setiap nomor.",
        "en": "Write the matching letter next to each number.",
    },
    # Offline export: the zip's top folder of a trainer copy is named <id>-<this>.
    "export.trainer": {"id": "pelatih", "en": "trainer"},
    # What `berdaya export --format html` prints for the trainer to forward with each file.
    "export.forward_label": {
        "id": "Pesan untuk dikirim bersama file ini:",
        "en": "A message to send with this file:",
    },
    "export.forward": {
        "id": "Materi pelatihan “{title}” ada di file {file} ({size}). Cara membuka: simpan "
        "file ini, ketuk file-nya, lalu pilih Chrome. Tidak perlu internet. Hasil kuis "
        "tersimpan di ponsel Anda, jadi selalu buka file yang sama dari tempat yang sama.",
        "en": "The training material “{title}” is in the file {file} ({size}). To open it: "
        "save the file, tap it, then choose Chrome. No internet is needed. Quiz results are "
        "kept on your phone, so always open the same file from the same place.",
    },
    # Generated-file header.
    "generated.comment": {
        "id": "dibuat oleh berdaya dari {source}; jangan diedit, edit YAML-nya",
        "en": "generated by berdaya from {source}; do not edit, edit the YAML",
    },
    # trainer kit: sheets
    "sheet.slug.index": {"id": "lembar", "en": "sheets"},
    "sheet.slug.attendance": {"id": "daftar-hadir", "en": "attendance"},
    "sheet.slug.participants": {"id": "daftar-peserta", "en": "participants"},
    "sheet.slug.scores": {"id": "nilai-tes", "en": "test-scores"},
    "sheet.slug.observation": {"id": "observasi", "en": "observation"},
    "sheet.slug.feedback": {"id": "umpan-balik", "en": "feedback"},
    "sheet.slug.certificate": {"id": "sertifikat", "en": "certificate"},
    "nav.sheets": {"id": "Lembar cetak", "en": "Printable sheets"},
    "sheet.index_title": {"id": "Lembar cetak", "en": "Printable sheets"},
    "sheet.index_intro": {
        "id": "Lembar untuk dicetak di kertas A4 dan diisi dengan tangan selama pelatihan. "
        "Setiap lembar juga ada di panduan cetak dan di PDF panduan (berdaya pdf).",
        "en": "Sheets to print on A4 paper and fill in by hand during the training. "
        "Every sheet is also in the printable guide and in the guide's PDF (berdaya pdf).",
    },
    "sheet.guide_link": {
        "id": "Lembar cetak (daftar hadir, nilai tes, lembar kerja, sertifikat, ...)",
        "en": "Printable sheets (attendance, test scores, worksheets, certificate, ...)",
    },
    "sheet.column_sheet": {"id": "Lembar", "en": "Sheet"},
    "sheet.column_purpose": {"id": "Untuk apa", "en": "What it is for"},
    "sheet.column_paper": {"id": "Kertas", "en": "Paper"},
    "sheet.portrait": {"id": "A4 tegak", "en": "A4 portrait"},
    "sheet.landscape": {"id": "A4 mendatar", "en": "A4 landscape"},
    "sheet.print_note": {
        "id": "Cetak halaman ini di kertas {paper}. Baris kosong: {rows}.",
        "en": "Print this page on {paper} paper. Blank rows: {rows}.",
    },
    "sheet.print_note_plain": {
        "id": "Cetak halaman ini di kertas {paper}.",
        "en": "Print this page on {paper} paper.",
    },
    "sheet.attendance.title": {"id": "Daftar hadir", "en": "Attendance sheet"},
    "sheet.attendance.purpose": {
        "id": "Satu halaman per hari pelatihan: nama, jenis kelamin, kelompok umur, tanda tangan.",
        "en": "One page per training day: name, sex, age group, signature.",
    },
    "sheet.participants.title": {"id": "Daftar peserta", "en": "Participant list"},
    "sheet.participants.purpose": {
        "id": "Data peserta untuk laporan: umur, alamat, nomor HP, pekerjaan atau usaha.",
        "en": "Participants' details for the report: age, address, phone, occupation.",
    },
    "sheet.scores.title": {
        "id": "Nilai tes awal dan tes akhir",
        "en": "Pre-test and post-test scores",
    },
    "sheet.scores.purpose": {
        "id": "Nilai tes awal, tes akhir, kenaikan dan hasil unjuk keterampilan per peserta.",
        "en": "Pre-test, post-test, gain and skill demonstration result per participant.",
    },
    "sheet.observation.purpose": {
        "id": "Lembar observasi unjuk keterampilan: satu baris per peserta, "
        "satu kolom per kriteria.",
        "en": "Skill demonstration observation grid: a row per participant, "
        "a column per criterion.",
    },
    "sheet.feedback.title": {"id": "Umpan balik peserta", "en": "Participant feedback"},
    "sheet.feedback.purpose": {
        "id": "Satu lembar per peserta di akhir pelatihan: enam pernyataan (skala 1 sampai 5) dan "
        "tiga pertanyaan terbuka.",
        "en": "One per participant at the end of the training: six statements "
        "(a scale of 1 to 5) and three open questions.",
    },
    "sheet.certificate.title": {"id": "Sertifikat", "en": "Certificate"},
    "sheet.certificate.purpose": {
        "id": "Sertifikat keikutsertaan, satu per peserta.",
        "en": "Certificate of completion, one per participant.",
    },
    "sheet.worksheet.purpose": {
        "id": "Lembar kerja kegiatan {activity}.",
        "en": "Worksheet of the activity {activity}.",
    },
    "sheet.col.no": {"id": "No.", "en": "No."},
    "sheet.col.name": {"id": "Nama", "en": "Name"},
    "sheet.col.sex": {"id": "Jenis kelamin", "en": "Sex"},
    "sheet.col.male": {"id": "L", "en": "M"},
    "sheet.col.female": {"id": "P", "en": "F"},
    "sheet.col.sex_both": {"id": "L / P", "en": "M / F"},
    "sheet.col.age_group": {"id": "Kelompok umur", "en": "Age group"},
    "sheet.col.signature": {"id": "Tanda tangan", "en": "Signature"},
    "sheet.col.age": {"id": "Umur", "en": "Age"},
    "sheet.col.address": {"id": "Desa / alamat", "en": "Village / address"},
    "sheet.col.phone": {"id": "No. HP", "en": "Phone"},
    "sheet.col.occupation": {"id": "Pekerjaan / usaha", "en": "Occupation / business"},
    "sheet.col.pre": {"id": "Tes awal", "en": "Pre-test"},
    "sheet.col.post": {"id": "Tes akhir", "en": "Post-test"},
    "sheet.col.gain": {"id": "Kenaikan", "en": "Gain"},
    "sheet.col.demo": {"id": "Unjuk keterampilan", "en": "Skill demonstration"},
    "sheet.col.passed": {"id": "Lulus", "en": "Passed"},
    "sheet.demo_cell": {"id": "lulus / belum", "en": "passed / not yet"},
    "sheet.max_points": {"id": "maks. {n}", "en": "max. {n}"},
    "sheet.gain_note": {
        "id": "Kenaikan = tes akhir - tes awal. Tes awal dan tes akhir: {pre} dan {post} poin.",
        "en": "Gain = post-test - pre-test. Pre-test and post-test: {pre} and {post} points.",
    },
    "sheet.gain_note_plain": {
        "id": "Kenaikan = tes akhir - tes awal.",
        "en": "Gain = post-test - pre-test.",
    },
    "sheet.day": {"id": "Hari {n}", "en": "Day {n}"},
    "sheet.date": {"id": "Tanggal", "en": "Date"},
    "sheet.place": {"id": "Tempat", "en": "Place"},
    "sheet.trainer": {"id": "Pelatih", "en": "Trainer"},
    "sheet.name_line": {"id": "Nama", "en": "Name"},
    "sheet.group_line": {"id": "Kelompok", "en": "Group"},
    "sheet.module_activity": {
        "id": "Modul: {module} · Kegiatan: {activity}",
        "en": "Module: {module} · Activity: {activity}",
    },
    "sheet.feedback.intro": {
        "id": "Lingkari satu angka untuk setiap pernyataan: 1 = sangat tidak setuju, "
        "5 = sangat setuju. Nama boleh tidak diisi.",
        "en": "Circle one number for each statement: 1 = strongly disagree, 5 = strongly "
        "agree. You may leave your name out.",
    },
    "sheet.feedback.statement": {"id": "Pernyataan", "en": "Statement"},
    "sheet.feedback.content": {
        "id": "Isi pelatihan jelas dan sesuai dengan kebutuhan saya.",
        "en": "The content of the training was clear and met my needs.",
    },
    "sheet.feedback.trainer": {
        "id": "Pelatih menjelaskan dengan jelas dan menjawab pertanyaan.",
        "en": "The trainer explained clearly and answered questions.",
    },
    "sheet.feedback.practice": {
        "id": "Waktu untuk praktik cukup.",
        "en": "There was enough time for practice.",
    },
    "sheet.feedback.materials": {
        "id": "Bahan dan alat pelatihan cukup dan baik.",
        "en": "The materials and tools were sufficient and good.",
    },
    "sheet.feedback.venue": {
        "id": "Tempat pelatihan nyaman.",
        "en": "The venue was comfortable.",
    },
    "sheet.feedback.useful": {
        "id": "Pelatihan ini berguna untuk pekerjaan atau usaha saya.",
        "en": "This training is useful for my work or business.",
    },
    "sheet.feedback.most_useful": {
        "id": "Apa yang paling berguna bagi Anda?",
        "en": "What was most useful to you?",
    },
    "sheet.feedback.improve": {
        "id": "Apa yang perlu diperbaiki?",
        "en": "What should be improved?",
    },
    "sheet.feedback.next": {
        "id": "Apa yang akan Anda lakukan setelah pelatihan ini?",
        "en": "What will you do after this training?",
    },
    "sheet.certificate.organisation": {"id": "Nama lembaga", "en": "Organisation"},
    "sheet.certificate.given_to": {"id": "diberikan kepada", "en": "is awarded to"},
    "sheet.certificate.for": {
        "id": "yang telah mengikuti pelatihan",
        "en": "for completing the training",
    },
    "sheet.certificate.dates": {"id": "pada tanggal", "en": "held on"},
    "sheet.certificate.hours": {"id": "selama {hours} pelatihan", "en": "{hours} of training"},
    "sheet.certificate.place_date": {"id": "Tempat dan tanggal", "en": "Place and date"},
    "sheet.certificate.signer": {"id": "Nama dan tanda tangan", "en": "Name and signature"},
    "sheet.observation.title": {
        "id": "Lembar observasi: {title}",
        "en": "Observation grid: {title}",
    },
    "sheet.observation.module": {"id": "Modul: {module}", "en": "Module: {module}"},
    "sheet.observation.scale": {
        "id": "Skala: {levels}. Tulis tingkat yang teramati di setiap kotak.",
        "en": "Scale: {levels}. Write the observed level in each box.",
    },
    "sheet.observation.check": {
        "id": "Centang (✓) kotak setiap kriteria yang terpenuhi.",
        "en": "Tick (✓) the box of each criterion that is met.",
    },
    "sheet.observation.critical": {
        "id": "★ kriteria kritis: wajib terpenuhi",
        "en": "★ critical criterion: must be met",
    },
    "sheet.observation.criteria": {"id": "Kriteria", "en": "Criteria"},
    # trainer kit: demonstration
    "demo.title": {"id": "Unjuk keterampilan", "en": "Skill demonstration"},
    "demo.rule": {
        "id": "Peserta lulus bila {parts} terpenuhi.",
        "en": "A participant passes with {parts} met.",
    },
    "demo.rule_any": {
        "id": "Peserta lulus bila menyelesaikan tugasnya.",
        "en": "A participant passes by completing the task.",
    },
    "demo.and": {"id": " dan ", "en": " and "},
    "demo.one": {"id": "kriterianya", "en": "the criterion"},
    "demo.all": {"id": "semua kriteria ({count})", "en": "all the criteria ({count})"},
    "demo.one_critical": {"id": "kriteria kritis", "en": "the critical criterion"},
    "demo.all_critical": {
        "id": "semua kriteria kritis ({count})",
        "en": "all the critical criteria ({count})",
    },
    "demo.some": {
        "id": "sekurang-kurangnya {needed} dari {count} kriteria",
        "en": "at least {needed} of the {count} criteria",
    },
    "demo.some_others": {
        "id": "sekurang-kurangnya {needed} dari {count} kriteria lainnya",
        "en": "at least {needed} of the {count} other criteria",
    },
    "demo.met_check": {
        "id": "Kriteria terpenuhi bila dicentang “{yes}”.",
        "en": "A criterion is met when ticked “{yes}”.",
    },
    "demo.met_level": {
        "id": "Kriteria terpenuhi pada tingkat “{level}” atau lebih tinggi.",
        "en": "A criterion is met at “{level}” or higher.",
    },
    "demo.met_top": {
        "id": "Kriteria terpenuhi pada tingkat “{level}”.",
        "en": "A criterion is met at “{level}”.",
    },
    "demo.yes": {"id": "ya", "en": "yes"},
    "demo.anchor": {"id": "rubrik", "en": "rubric"},
    "demo.rubrics": {"id": "Rubrik unjuk keterampilan", "en": "Skill demonstration rubrics"},
    "demo.intro": {
        "id": "Anda mengerjakan tugas ini sementara pelatih mengamati, lalu pelatih "
        "menilainya dengan kriteria di bawah ini.",
        "en": "You do this task while the trainer watches, and the trainer assesses it with "
        "the criteria below.",
    },
    "demo.intro_trainer": {
        "id": "Setiap peserta mengerjakan tugas ini; amati dan nilai dengan rubrik di bawah ini. "
        "Peserta melihat tugas dan kriterianya di halaman ini, tanpa catatan pengamatan.",
        "en": "Each participant does this task; observe and assess it with the rubric below. "
        "Learners see the task and the criteria on this page, without the notes on what to "
        "observe.",
    },
    "demo.task": {"id": "Tugas", "en": "Task"},
    "demo.activity": {"id": "Dalam kegiatan", "en": "In the activity"},
    "demo.criteria": {"id": "Kriteria penilaian", "en": "Assessment criteria"},
    "demo.criterion": {"id": "Kriteria", "en": "Criterion"},
    "demo.critical": {"id": "kritis", "en": "critical"},
    "demo.observe": {"id": "Yang diamati", "en": "What to observe"},
    "demo.pass": {"id": "Syarat lulus", "en": "To pass"},
    # trainer kit: schedule checks (the curriculum page's two lengths)
    "curriculum.material": {"id": "Materi modul", "en": "Module material"},
    "curriculum.schedule": {"id": "Jadwal pelatihan", "en": "Training schedule"},
    "curriculum.day": {"id": "{count} hari", "en": "{count} day"},
    "curriculum.days": {"id": "{count} hari", "en": "{count} days"},
    "curriculum.without_breaks": {"id": "tanpa istirahat", "en": "without breaks"},
    # trainer kit: the guide on a phone and on paper (clock times, print button, PDF cover).
    "guide.relative_several": {
        "id": "Waktu dihitung dari awal sesi (0:00), karena modul ini dijadwalkan di lebih "
        "dari satu sesi.",
        "en": "Times count from the start of the session (0:00), because this module is "
        "scheduled in more than one session.",
    },
    "guide.relative_unscheduled": {
        "id": "Waktu dihitung dari awal sesi (0:00), karena modul ini tidak ada di jadwal.",
        "en": "Times count from the start of the session (0:00), because this module is not "
        "in the agenda.",
    },
    "print.button": {"id": "Cetak", "en": "Print"},
    "print.button_title": {
        "id": "Cetak halaman ini atau simpan sebagai PDF",
        "en": "Print this page or save it as a PDF",
    },
    "pdf.contents": {"id": "Daftar isi", "en": "Contents"},
    # offline app: the site kept on the learner's device (berdaya-app.js)
    "offline.ready": {
        "id": "Tersedia tanpa internet di perangkat ini",
        "en": "Available offline on this device",
    },
    "offline.preparing": {
        "id": "Menyiapkan agar bisa dibuka tanpa internet ... ({done} dari {total})",
        "en": "Preparing for offline use ... ({done} of {total})",
    },
    "offline.failed": {
        "id": "Belum tersedia tanpa internet: unduhan terputus. Dicoba lagi saat halaman ini "
        "dibuka dengan internet.",
        "en": "Not available offline yet: the download stopped. It is tried again when this "
        "page is opened online.",
    },
    # translations: the link to the same page in the curriculum's other language
    "translation.read_id": {"id": "Baca dalam bahasa Indonesia", "en": "Read in Bahasa Indonesia"},
    "translation.read_en": {"id": "Baca dalam bahasa Inggris", "en": "Read in English"},
    # ZIM export (berdaya export --format zim): a tag of the archive in Kiwix libraries.
    "zim.tag": {"id": "pelatihan", "en": "training"},
    # phone reading: the curriculum page's module cards, the summary after a quiz check
    "curriculum.about": {"id": "Tentang pelatihan ini", "en": "About this training"},
    "progress.start": {"id": "Mulai", "en": "Start"},
    "progress.continue": {"id": "Lanjutkan", "en": "Continue"},
    "progress.lessons_seen": {
        "id": "{seen} dari {total} pelajaran dibuka",
        "en": "{seen} of {total} lessons opened",
    },
    "quiz.summary_review": {"id": "Lihat lagi soal ini:", "en": "Look again at these questions:"},
    "quiz.summary_all_right": {"id": "Semua jawaban benar.", "en": "Every answer is right."},
    "quiz.summary_item": {"id": "Soal {number}: {verdict}", "en": "Question {number}: {verdict}"},
}

RESERVED_SLUGS = frozenset(
    {"index", "media"}
    | {value for key, row in STRINGS.items() if key.startswith("slug.") for value in row.values()}
)
"""Slugs of generated pages, a module's own page and the media folder: not for module or
lesson ids."""


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
