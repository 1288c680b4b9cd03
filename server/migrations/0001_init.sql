-- VoiceDrill sync server, schema version 1 (issue 13).
-- Every row carries its organisation id and every primary key starts with it, so the schema can be distributed
-- by organisation (Citus: SELECT create_distributed_table('<t>', 'org_id')) or hash-partitioned on org_id without
-- a redesign. Foreign keys include org_id for the same reason (co-located joins).
-- Ids made by the server are short text ids; take ids are the app's UUIDs. Times are timestamptz.

CREATE TABLE organisations (
  org_id      text PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE groups (
  org_id      text NOT NULL REFERENCES organisations (org_id),
  group_id    text NOT NULL,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, group_id)
);

CREATE TABLE people (
  org_id      text NOT NULL REFERENCES organisations (org_id),
  person_id   text NOT NULL,
  name        text NOT NULL,
  role        text NOT NULL CHECK (role IN ('agent', 'trainer', 'admin')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, person_id)
);

-- Agents belong to groups; trainers teach the groups they belong to.
CREATE TABLE group_members (
  org_id      text NOT NULL,
  group_id    text NOT NULL,
  person_id   text NOT NULL,
  PRIMARY KEY (org_id, group_id, person_id),
  FOREIGN KEY (org_id, group_id) REFERENCES groups (org_id, group_id),
  FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, person_id)
);
CREATE INDEX group_members_person ON group_members (org_id, person_id);

-- Invite codes: single use, expiring; only SHA-256 of the code is kept (hex). The code's hash is unique across
-- organisations (it is how a joining device finds its organisation).
CREATE TABLE invites (
  org_id      text NOT NULL,
  invite_id   text NOT NULL,
  code_sha256 text NOT NULL UNIQUE,
  person_id   text NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  PRIMARY KEY (org_id, invite_id),
  FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, person_id)
);

-- Devices and their tokens: only SHA-256 of the token's secret (hex). Revoked devices keep their row.
CREATE TABLE devices (
  org_id        text NOT NULL,
  device_id     text NOT NULL,
  person_id     text NOT NULL,
  name          text NOT NULL,
  token_sha256  text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz,
  revoked_at    timestamptz,
  PRIMARY KEY (org_id, device_id),
  FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, person_id)
);

-- Packs as published (one row per pack version), and which groups each pack is assigned to.
CREATE TABLE packs (
  org_id        text NOT NULL,
  pack_id       text NOT NULL,
  version       integer NOT NULL,
  pack          jsonb NOT NULL,
  published_by  text NOT NULL,
  published_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, pack_id, version),
  FOREIGN KEY (org_id, published_by) REFERENCES people (org_id, person_id)
);

CREATE TABLE pack_assignments (
  org_id        text NOT NULL,
  pack_id       text NOT NULL,
  group_id      text NOT NULL,
  version       integer NOT NULL,
  assigned_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, pack_id, group_id),
  FOREIGN KEY (org_id, group_id) REFERENCES groups (org_id, group_id),
  FOREIGN KEY (org_id, pack_id, version) REFERENCES packs (org_id, pack_id, version)
);
CREATE INDEX pack_assignments_group ON pack_assignments (org_id, group_id);

-- Take summaries: idempotent by (org, person, take id). The summary is the SyncTake as pushed (validated).
CREATE TABLE takes (
  org_id        text NOT NULL,
  person_id     text NOT NULL,
  take_id       text NOT NULL,
  pack_id       text,
  pack_version  integer,
  drill_id      text NOT NULL,
  created_at    timestamptz NOT NULL,
  summary       jsonb NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, person_id, take_id),
  FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, person_id)
);
CREATE INDEX takes_pack ON takes (org_id, pack_id, person_id);

-- A take's audio, only when the agent opted in. Kept in the database for one server; ADR 0005 says how it moves to
-- object storage (this table would then hold the object's key and size).
CREATE TABLE take_audio (
  org_id        text NOT NULL,
  person_id     text NOT NULL,
  take_id       text NOT NULL,
  wav           bytea NOT NULL,
  bytes         integer NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, person_id, take_id),
  FOREIGN KEY (org_id, person_id, take_id) REFERENCES takes (org_id, person_id, take_id)
);

CREATE TABLE completions (
  org_id        text NOT NULL,
  person_id     text NOT NULL,
  pack_id       text NOT NULL,
  drill_id      text NOT NULL,
  pack_version  integer NOT NULL,
  completed_at  timestamptz NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, person_id, pack_id, drill_id),
  FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, person_id)
);
