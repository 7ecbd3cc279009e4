"""Reading: a page file's bytes in, plain data out (pages, sections, front matter, termbase, record).

Nothing here writes a file or prints; errors become `Problem`s or `KbsyncError`s with a file and line.
A `Problem` is recorded by the name of its code (`invalid-utf8`), never by the code: the codes are
declared by checks/page_reading.py, which reports the problems.
"""
