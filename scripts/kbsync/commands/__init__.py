"""The subcommands of `kbsync`: each module has `add_arguments(parser)` and `run(args, session)`."""
