"""Live training rooms: a trainer runs a case or a quiz, participants answer on their phones.

The shared state (rooms, participants, answers) lives in a database so that answers reach the trainer from
other browser sessions and other server processes, and survive a restart: SQLite in WAL mode by default,
PostgreSQL when LTV_DATABASE_URL names it. The schema is versioned by numbered SQL files in migrations/.
"""
