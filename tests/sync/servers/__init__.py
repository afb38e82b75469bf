"""CalDAV servers from Debian packages for the sync tests: sabre/dav and DAViCal, each started
on 127.0.0.1 with a free port by a session fixture (tests/sync/conftest.py), stopped after."""
