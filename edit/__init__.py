"""Writing records: scaffolds for new ones, the canonical formatter, CI report conversion.

Everything is written through ruamel.yaml round-trip data in the one canonical form that
`python -m edit format` produces, with the yaml-language-server modeline first.
"""
