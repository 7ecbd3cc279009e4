"""One formatter per output format; each turns findings or a status report into text."""
