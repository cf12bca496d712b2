"""Stage 3, what users take away: the MkDocs build, the zip, the single file, the PDF.

Builds with MkDocs (and WeasyPrint for PDFs), checks what would load from the
network, and writes the files, never a folder Berdaya did not make
(:mod:`generator.outputs.guard`). It may import every earlier stage.
"""
