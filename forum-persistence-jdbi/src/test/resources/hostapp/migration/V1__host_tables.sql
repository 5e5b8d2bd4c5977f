-- A host application's own tables, named as the forum names some of its own: they must never be touched.
CREATE TABLE members (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, display_name VARCHAR(100));
CREATE TABLE sessions (sid VARCHAR(64) PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES members (id), payload VARCHAR(1000));
INSERT INTO members (id, email, display_name) VALUES (1, 'ada@host.example', 'Ada');
INSERT INTO members (id, email, display_name) VALUES (2, 'bo@host.example', 'Bo');
INSERT INTO sessions (sid, user_id, payload) VALUES ('host-session-1', 1, 'cart=3');
