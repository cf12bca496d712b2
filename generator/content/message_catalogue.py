"""The Indonesian wording of the diagnostics a trainer meets most, keyed by the English.

Each key is an English message template as the checks write it; ``{name}``
stands for a part that varies. A name ending in ``_t`` is itself looked up
here (a phrase such as ``the number 5``, ``a list``, ``3 h 30 min``);
``{name:regex}`` limits what the part may hold. Entries are tried in order,
the first that matches the whole message wins: specific entries come before
general ones. A message found nowhere is printed in English (see
``docs/format.md``, "Diagnostics in Bahasa Indonesia").

The data path that starts most messages (``quiz.questions[2].choices: ``)
and the ``error:``/``warning:`` word stay as they are.
"""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # values, as generator.content.errors.describe writes them
    "nothing (empty value)": "kosong (tanpa nilai)",
    "the number {n}": "angka {n}",
    "the text {text}": "teks {text}",
    "a list": "daftar (list)",
    "a mapping": "kumpulan kunci (mapping)",
    "{value} (true/false)": "{value} (true/false)",
    # the types a key expects
    "text": "teks",
    "a whole number": "bilangan bulat",
    "a number": "angka",
    "true or false": "true atau false",
    "a mapping of keys": "kumpulan kunci (mapping)",
    # what a list needs
    "items": "butir",
    "item": "butir",
    "choices": "pilihan",
    "pairs": "pasangan",
    # kinds of ids
    "module": "modul",
    "lesson": "pelajaran",
    "activity": "kegiatan",
    "question": "soal",
    # languages (translation checks)
    "Bahasa Indonesia (id)": "Indonesia (id)",
    "English (en)": "Inggris (en)",
    # lengths of time (generator.i18n.duration in English)
    "{hours:[0-9]+} h {minutes:[0-9]+} min": "{hours} jam {minutes} menit",
    "{hours:[0-9]+} h": "{hours} jam",
    "{minutes:[0-9]+} min": "{minutes} menit",
    # hints given instead of "did you mean"
    "a module session takes its minutes from the module's session": (
        "sesi modul mengambil lamanya dari rencana sesi modul itu"
    ),
    "a module session takes its title from the module": (
        "sesi modul mengambil judulnya dari modul itu"
    ),
    "an item with 'ref' asks the question as its module quiz has it": (
        "butir dengan 'ref' menanyakan soal persis seperti di kuis modulnya"
    ),
    # problems PyYAML reports most
    "mapping values are not allowed here": (
        "di sini tidak boleh ada nilai kunci (tanda ': ' di dalam teks? beri tanda kutip)"
    ),
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
    "found character {char} that cannot start any token": (
        "karakter {char} tidak boleh ada di sini (tab? pakai spasi)"
    ),
    "found unexpected end of stream": "file berakhir sebelum waktunya (tanda kutip belum ditutup?)",
    "expected {expected}, but found {found}": "seharusnya {expected}, tetapi ditemukan {found}",
    "expected {first} or {second}, but got {found}": (
        "seharusnya {first} atau {second}, tetapi ditemukan {found}"
    ),
}
"""Parts of messages: what a ``_t`` placeholder holds (else it is looked up in MESSAGES)."""

MESSAGES: dict[str, str] = {
    # Reading YAML: load.py
    "YAML syntax: {problem_t}": "sintaks YAML: {problem_t}",
    "cannot read file: {reason}": "file tidak bisa dibaca: {reason}",
    "file is empty; expected a mapping of keys": (
        "file kosong; seharusnya berisi kunci-kunci (mapping)"
    ),
    "the top level must be a mapping of keys": (
        "tingkat teratas file harus berupa kunci-kunci (mapping)"
    ),
    "file is not UTF-8 (byte {byte})": "file bukan UTF-8 (byte {byte})",
    "character {char} is not allowed": "karakter {char} tidak boleh dipakai",
    "duplicate key {key} (first defined on line {line})": (
        "kunci {key} ditulis dua kali (pertama di baris {line})"
    ),
    "anchors (&name) are not allowed; write values out": (
        "anchor (&nama) tidak boleh dipakai; tulis nilainya langsung"
    ),
    "aliases (*name) are not allowed; write the value out": (
        "alias (*nama) tidak boleh dipakai; tulis nilainya langsung"
    ),
    "tags such as {tag} are not allowed": "tag seperti {tag} tidak boleh dipakai",
    "merge keys (<<) are not allowed": "merge key (<<) tidak boleh dipakai",
    "module files end in .yml, not .yaml": "nama file modul berakhiran .yml, bukan .yaml",
    "module {module} is not listed in curriculum.yml and is not built": (
        "modul {module} tidak tercantum di curriculum.yml, jadi tidak dibangun"
    ),
    # Keys and values: errors.py
    "missing required key 'type' ({types})": "kunci wajib 'type' belum ada ({types})",
    "missing required key {key:'[^']*'}": "kunci wajib {key} belum ada",
    "unknown key {key:'[^']*'} (did you mean {close:'[^']*'}?)": (
        "kunci {key} tidak dikenal (maksudnya {close}?)"
    ),
    "unknown key {key:'[^']*'}; allowed keys: {keys}": (
        "kunci {key} tidak dikenal; kunci yang boleh: {keys}"
    ),
    "unknown key {key:'[^']*'}: {hint_t}": "kunci {key} tidak dikenal: {hint_t}",
    "unknown key {key:'[^']*'}": "kunci {key} tidak dikenal",
    "expected {type_t}, got {value_t}": "seharusnya {type_t}, tertulis {value_t}",
    "{value} is not a valid id: use lowercase letters, digits and hyphens": (
        "{value} bukan id yang sah: pakai huruf kecil, angka dan tanda hubung"
    ),
    "must not be empty": "tidak boleh kosong",
    "an id has at most {limit} characters; this one has {length}": (
        "id paling panjang {limit} karakter; id ini {length} karakter"
    ),
    "needs at least {count} {kind_t}": "perlu paling sedikit {count} {kind_t}",
    "must be at least {limit}, got {value_t}": "paling kecil {limit}, tertulis {value_t}",
    "must be at most {limit}, got {value_t}": "paling besar {limit}, tertulis {value_t}",
    "{value_t} is not one of {allowed}": "{value_t} bukan salah satu dari {allowed}",
    "{value} is not a question type (did you mean {close}?); use one of {types}": (
        "{value} bukan jenis soal (maksudnya {close}?); pakai salah satu dari {types}"
    ),
    "{value} is not a question type; use one of {types}": (
        "{value} bukan jenis soal; pakai salah satu dari {types}"
    ),
    # References and ids: checks.py
    "no module file {file}": "file modul {file} tidak ada",
    "{name} is the address of a generated page; rename it": (
        "{name} adalah alamat halaman yang dibuat Berdaya; ganti namanya"
    ),
    "{name} is the address of a generated page; rename the lesson": (
        "{name} adalah alamat halaman yang dibuat Berdaya; ganti id pelajaran ini"
    ),
    "duplicate {kind_t} id {name}": "id {kind_t} {name} dipakai dua kali",
    "unknown objective {name}; objectives of this module: {known}": (
        "tujuan {name} tidak dikenal; tujuan modul ini: {known}"
    ),
    "unknown objective {name}": "tujuan {name} tidak dikenal",
    "unknown activity {name}": "kegiatan {name} tidak dikenal",
    "a step needs a 'title' or an 'activity'": "langkah perlu 'title' atau 'activity'",
    "a 'single' question needs exactly one correct choice, found {count}": (
        "soal 'single' perlu tepat satu pilihan benar, tertulis {count}"
    ),
    "a 'multiple' question needs at least one correct choice": (
        "soal 'multiple' perlu paling sedikit satu pilihan benar"
    ),
    "{text} appears twice": "{text} muncul dua kali",
    "no question or activity assesses this objective": (
        "belum ada soal atau kegiatan yang menilai tujuan ini"
    ),
    "{name} is not a module of this curriculum": "{name} bukan modul kurikulum ini",
    "module {name} is not scheduled in the guide": "modul {name} belum ada di jadwal panduan",
    "module {name} is scheduled twice (first on line {line})": (
        "modul {name} dijadwalkan dua kali (pertama di baris {line})"
    ),
    "minutes: the module says {said} but its session steps add up to {total}": (
        "minutes: modul menyebut {said}, tetapi langkah-langkah sesinya berjumlah {total}"
    ),
    "guide: the curriculum has a guide but no 'tests' (a pre-test and a post-test)": (
        "guide: kurikulum ini punya panduan tetapi belum punya 'tests' (tes awal dan tes akhir)"
    ),
    "no question covers objective {objective} of module {module}": (
        "belum ada soal yang mencakup tujuan {objective} dari modul {module}"
    ),
    # The agenda and its pacing: agenda.py, schedule.py
    "{start} is before the day starts ({day_start})": (
        "{start} lebih awal daripada mulainya hari ({day_start})"
    ),
    "{start} is before the previous session {title} ends ({end}); "
    "the sessions overlap by {minutes} minutes": (
        "{start} lebih awal daripada selesainya sesi sebelumnya {title} ({end}); "
        "kedua sesi bertumpang tindih {minutes} menit"
    ),
    "day {day} runs past midnight: {title} ({start}, {minutes} minutes) "
    "ends at {end} the next day": (
        "hari {day} melewati tengah malam: {title} ({start}, {minutes} menit) "
        "selesai pukul {end} keesokan harinya"
    ),
    "day {day}: {length_t} of sessions without a break ({time}), more than 3 hours": (
        "hari {day}: {length_t} sesi tanpa istirahat ({time}), lebih dari 3 jam"
    ),
    "day {day} ({time}) has no midday break of at least {minutes} minutes (ishoma) "
    "and runs past {clock}": (
        "hari {day} ({time}) tidak punya istirahat siang (ishoma) paling sedikit "
        "{minutes} menit, padahal berlangsung lewat pukul {clock}"
    ),
    "day {day} lasts {length_t} ({time}), longer than {hours} hours": (
        "hari {day} berlangsung {length_t} ({time}), lebih dari {hours} jam"
    ),
    # The findings of --profile: standards.py
    "[{label}] {finding_t}; {profile:[^;]+}": "[{label}] {finding_t}; {profile}",
    "the guide has no days, so no session time to count": (
        "panduan belum punya hari, jadi tidak ada waktu sesi yang bisa dihitung"
    ),
    "practice takes {practice} of {training} minutes ({percent}); at least {needed} asked": (
        "praktik mengambil {practice} dari {training} menit ({percent}); "
        "diminta paling sedikit {needed}"
    ),
    "day {day} has {hours_t} of sessions (breaks not counted); at most {limit_t} a day": (
        "hari {day} berisi {hours_t} sesi (istirahat tidak dihitung); paling lama {limit_t} sehari"
    ),
    "the training has {hours_t} of sessions (breaks not counted); at least {limit_t} asked": (
        "pelatihan berisi {hours_t} sesi (istirahat tidak dihitung); "
        "diminta paling sedikit {limit_t}"
    ),
    "no pre-test: add 'tests:' with 'pre:' to curriculum.yml": (
        "belum ada tes awal: tambahkan 'tests:' dengan 'pre:' ke curriculum.yml"
    ),
    "no post-test: add 'tests:' with 'post:' to curriculum.yml": (
        "belum ada tes akhir: tambahkan 'tests:' dengan 'post:' ke curriculum.yml"
    ),
    "module {name} has no quiz": "modul {name} belum punya kuis",
    "no skill demonstration: add 'demonstration:' with a rubric": (
        "belum ada unjuk keterampilan: tambahkan 'demonstration:' dengan rubriknya"
    ),
    "the guide says no class_size; materials for a class of {count} asked": (
        "panduan belum menyebut class_size; diminta bahan untuk kelas {count} orang"
    ),
    "the guide plans for {size} participants; materials for a class of {count} asked": (
        "panduan menyiapkan untuk {size} peserta; diminta bahan untuk kelas {count} orang"
    ),
    "module {name} has no session plan materials to prepare for the class": (
        "modul {name} belum punya daftar bahan di rencana sesinya untuk disiapkan bagi kelas"
    ),
    # The checks of translation_of
    "unknown curriculum {name}": "kurikulum {name} tidak dikenal",
    "{name} already translates {original} into {language_t}": (
        "{name} sudah menerjemahkan {original} ke bahasa {language_t}"
    ),
    "{name} is itself a translation of {original}; name the original": (
        "{name} sendiri adalah terjemahan dari {original}; sebutkan kurikulum aslinya"
    ),
    "{curriculum} has no module {module}": "{curriculum} tidak punya modul {module}",
    "module {module} of {curriculum} has no lesson {lesson}": (
        "modul {module} dari {curriculum} tidak punya pelajaran {lesson}"
    ),
    "module {module} of {curriculum} is already translated by {name}": (
        "modul {module} dari {curriculum} sudah diterjemahkan oleh {name}"
    ),
    "lesson {lesson} is already translated by {name}": (
        "pelajaran {lesson} sudah diterjemahkan oleh {name}"
    ),
    "the curriculum has no translation_of, so there is no original to name": (
        "kurikulum ini tidak punya translation_of, jadi tidak ada kurikulum asli untuk disebut"
    ),
    "a curriculum cannot translate itself": (
        "kurikulum tidak bisa menjadi terjemahan dirinya sendiri"
    ),
    "{name} is also in {language_t}; a translation is in another language": (
        "{name} juga berbahasa {language_t}; terjemahan harus dalam bahasa lain"
    ),
    "module {module} of {curriculum} has no translation": (
        "modul {module} dari {curriculum} belum diterjemahkan"
    ),
    "lesson {lesson} of module {module} of {curriculum} has no translation": (
        "pelajaran {lesson} dari modul {module} di {curriculum} belum diterjemahkan"
    ),
    "module {module} has no counterpart in {curriculum}; name it with "
    "translation_of: <module id>": (
        "modul {module} tidak punya padanan di {curriculum}; sebutkan dengan "
        "translation_of: <id modul>"
    ),
    "lesson {lesson} has no counterpart in module {module} of {curriculum}; name it with "
    "translation_of: <lesson id>": (
        "pelajaran {lesson} tidak punya padanan di modul {module} dari {curriculum}; "
        "sebutkan dengan translation_of: <id pelajaran>"
    ),
    # the last line of a clean `berdaya validate`
    "ok: {curricula} curricula, {modules} modules": "ok: {curricula} kurikulum, {modules} modul",
}
"""Whole messages (after the data path), in the order they are tried."""
