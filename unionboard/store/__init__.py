"""Versioned storage of published data (SQLite/PostgreSQL) and committee authentication."""
