"""Reading: a page file's bytes in, plain data out (pages, sections, front matter, termbase, record).

Nothing here writes a file or prints; errors become `Problem`s or `KbsyncError`s with a file and line.
"""
