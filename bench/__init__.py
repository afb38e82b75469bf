"""Benchmarks: a synthetic records/ corpus, lint next to check-jsonschema and yamllint, sync next
to vdirsyncer. `python -m bench` prints the tables; `python -m bench --quick` is the small run the
tests do once. See docs/bench.md."""
