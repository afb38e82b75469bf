"""The public web site: the validated records as static, accessible Czech pages.

`python -m web build --out DIR`.
"""
