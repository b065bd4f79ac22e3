CREATE TABLE exchanges (
	id            INTEGER PRIMARY KEY,
	sent_ns       INTEGER NOT NULL,
	file          TEXT    NOT NULL DEFAULT '',
	name          TEXT    NOT NULL DEFAULT '',
	method        TEXT    NOT NULL,
	url           TEXT    NOT NULL,
	status        INTEGER NOT NULL DEFAULT 0,
	request_head  BLOB,
	request_body  BLOB,
	response_head BLOB,
	body          BLOB,
	total_ns      INTEGER NOT NULL DEFAULT 0,
	error         TEXT    NOT NULL DEFAULT ''
);
