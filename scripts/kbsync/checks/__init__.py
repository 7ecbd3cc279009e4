"""The checks: one module per check, each listed once in checks/registry.py.

A new check is a module in checks/ plus one line in checks/registry.py: the module declares
the codes it raises (`CODES`) and has one entry function, `check(pair, context)`,
`check_tree(context)` or `check_run(context)`. Checks are pure: they read data, never files.
Nothing in this package but page_reading.py links a reading problem to its code.
"""
