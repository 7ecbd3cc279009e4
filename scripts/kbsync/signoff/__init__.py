"""Sign-off: whether a translated section may be recorded as up to date (`sync`, `ack`, `import`).

`gate.section_problems` runs the content checks of the registry on a translation as if its
sections were recorded; `meaning` tells a source change that needs retranslation from a typo fix;
`worddiff` shows either, word by word. Nothing here writes a file.
"""
