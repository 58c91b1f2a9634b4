import type { Migration } from './index';

/**
 * The e-mail outbox (issue 11, part 3): packages queued to be sent through SMTP when the network
 * is there. Each row names its message as it will be sent, a file in the data folder
 * (`outbox/<id>.eml`, relative to it) written whole before the row is committed, so a queued
 * message depends neither on the USB stick nor on the package staying where it was.
 *
 * `next_attempt_at` is the earliest instant of the next try (wall-clock epoch ms, from the
 * sender's clock); null means as soon as possible (just queued, or retried by the user), so a
 * clock pinned elsewhere (the CLI's and host's --today) never holds a message back. Errors are
 * kept as an error code and its details (host, the server's short reply), never a stack.
 * Not a record that travels: no origin or revision.
 */
export const m0080Outbox: Migration = {
  version: 80,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY NOT NULL,
        eml_file TEXT NOT NULL UNIQUE,
        eml_bytes INTEGER NOT NULL CHECK (eml_bytes > 0),
        -- The Message-ID header, and the envelope sender: the From the message was composed with.
        message_id TEXT NOT NULL,
        sender TEXT NOT NULL,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        package_file_name TEXT NOT NULL,
        package_sha256 TEXT NOT NULL CHECK (length(package_sha256) = 64 AND package_sha256 NOT GLOB '*[^0-9a-f]*'),
        status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER,
        last_error_code TEXT,
        last_error_details TEXT CHECK (last_error_details IS NULL OR json_valid(last_error_details)),
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        -- The server's last reply to the message (250 … queued as …).
        server_response TEXT,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CHECK ((last_error_code IS NULL) = (last_error_details IS NULL))
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'queued';
      CREATE INDEX outbox_created ON outbox (created_at);
    `);
  },
};
