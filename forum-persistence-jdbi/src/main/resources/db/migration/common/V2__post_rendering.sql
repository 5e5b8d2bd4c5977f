-- A post's body rendered to sanitised HTML when it is written or edited, and the version of the renderer that
-- made it, so stored HTML can be rebuilt when the renderer changes. Null for rows stored without a rendering.
ALTER TABLE posts ADD COLUMN html VARCHAR;
ALTER TABLE posts ADD COLUMN render_version VARCHAR(64);
