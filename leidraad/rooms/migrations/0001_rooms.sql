-- Rooms, their participants and their answers. Times are Unix milliseconds.
CREATE TABLE rooms (
    code TEXT PRIMARY KEY,
    trainer_hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    step INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    closed_at BIGINT
);
CREATE INDEX rooms_expires_at ON rooms (expires_at);
CREATE TABLE revealed_steps (
    room TEXT NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
    step INTEGER NOT NULL,
    revealed_at BIGINT NOT NULL,
    PRIMARY KEY (room, step)
);
CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    room TEXT NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    nickname TEXT NOT NULL,
    joined_at BIGINT NOT NULL
);
CREATE INDEX participants_room ON participants (room);
CREATE TABLE answers (
    room TEXT NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
    step INTEGER NOT NULL,
    participant TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    choice INTEGER NOT NULL,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (room, step, participant)
);
